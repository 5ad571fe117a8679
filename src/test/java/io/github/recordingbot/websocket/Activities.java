package io.github.recordingbot.websocket;

/**
 * Mercury activity JSON shaped like what Webex sends a bot over its websocket, for tests.
 */
public final class Activities {

	public static final String ROOM_UUID = "237157b7-16af-39d1-8d8c-56beaba15963";

	private Activities() {
	}

	public static String post(String id, String actorUuid) {
		return post(id, actorUuid, "PERSON");
	}

	public static String post(String id, String actorUuid, String actorType) {
		return activity(id, "post", actorUuid, actorType, "{\"objectType\":\"comment\",\"displayName\":\"<JWE>\"}");
	}

	public static String cardAction(String id, String actorUuid) {
		return activity(id, "cardAction", actorUuid, "PERSON",
				"{\"objectType\":\"submit\",\"inputs\":{\"meeting_number\":\"123456789\"}}");
	}

	public static String meetingShare(String id, String actorUuid, String meetingInstanceId) {
		return activity(id, "share", actorUuid, "PERSON", """
				{"id":"d5416be0-aeb9-11ec-bac4-ad7fbcfb8ba2","objectType":"meetingContainer","displayName":"<JWE>",
				 "meetingInstanceId":"%s",
				 "extensions":{"items":[{"data":{"id":"6a055bbe96aa103a9afd005056818248","objectType":"recording",
				   "topic":"<JWE>"}}]}}
				""".formatted(meetingInstanceId));
	}

	public static String fileShare(String id, String actorUuid) {
		return activity(id, "share", actorUuid, "PERSON", """
				{"objectType":"content","contentCategory":"documents",
				 "files":{"items":[{"objectType":"file","displayName":"<JWE>","malwareQuarantineState":"safe"}]}}
				""");
	}

	static String activity(String id, String verb, String actorUuid, String actorType, String object) {
		return """
				{"id":"%s","objectType":"activity","verb":"%s","published":"2026-11-25T11:59:59.000Z",
				 "actor":{"id":"%s","objectType":"person","displayName":"Someone","orgId":"1eb65fdf-9643-417f-9974-ad72cae0e10f",
				   "emailAddress":"%s","entryUUID":"%s","type":"%s"},
				 "object":%s,
				 "target":{"id":"%s","objectType":"conversation",
				   "url":"https://conv-a.wbx2.com/conversation/api/v1/conversations/%s","tags":["ONE_ON_ONE"]},
				 "encryptionKeyUrl":"kms://kms-cisco.wbx2.com/keys/k1"}
				"""
			.formatted(id, verb, actorUuid, email(actorUuid, actorType), actorUuid, actorType, object, ROOM_UUID,
					ROOM_UUID);
	}

	/**
	 * The e-mail the fixtures use for an actor; the end-to-end tests stub people with the
	 * same.
	 */
	static String email(String actorUuid, String actorType) {
		if ("BOT".equals(actorType)) {
			return "recordings@webex.bot";
		}
		return actorUuid.startsWith("a11ce") ? "alice@example.com" : actorUuid.substring(0, 4) + "@example.com";
	}

}
