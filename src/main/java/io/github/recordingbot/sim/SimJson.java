package io.github.recordingbot.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.recordingbot.sim.SampleOrg.Person;

/**
 * The sample organization's people and rooms as Webex JSON, with the fields of the real
 * API's examples; meetings are in {@link MeetingJson}, recordings in
 * {@link RecordingJson}.
 */
final class SimJson {

	static final String SITE = "demo-example.webex.com";

	static final String ORG_ID = SampleOrg.id("ORGANIZATION", SampleOrg.uuid("org"));

	private SimJson() {
	}

	static Map<String, Object> person(Person person) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", person.id());
		json.put("emails", List.of(person.email()));
		json.put("phoneNumbers", List.of());
		json.put("displayName", person.displayName());
		json.put("nickName", person.firstName());
		json.put("firstName", person.firstName());
		json.put("lastName", person.lastName());
		json.put("orgId", ORG_ID);
		json.put("created", "2024-01-15T09:00:00.000Z");
		json.put("status", "active");
		json.put("type", person.type());
		return json;
	}

	static Map<String, Object> room(String roomId, Person person) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", roomId);
		json.put("title", person.displayName());
		json.put("type", "direct");
		json.put("isLocked", false);
		json.put("creatorId", person.id());
		json.put("created", "2024-01-15T09:00:00.000Z");
		return json;
	}

	/**
	 * {@code GET /meetingPreferences/personalMeetingRoom}: schema {@code PMRObject}, with
	 * its required fields.
	 */
	static Map<String, Object> personalRoom(Person person) {
		Map<String, Object> telephony = new LinkedHashMap<>();
		telephony.put("accessCode", person.personalRoomNumber());
		telephony.put("callInNumbers", MeetingJson.callInNumbers());
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("topic", person.firstName() + "'s Personal Room");
		json.put("hostPin", "4325");
		json.put("enabledAutoLock", false);
		json.put("autoLockMinutes", 10);
		json.put("enabledNotifyHost", true);
		json.put("supportCoHost", false);
		json.put("coHosts", List.of());
		json.put("personalMeetingRoomLink", "https://" + SITE + "/meet/" + person.email().split("@")[0]);
		json.put("sipAddress", person.email());
		// a documentation address (RFC 5737)
		json.put("dialInIpAddress", "192.0.2.10");
		json.put("telephony", telephony);
		return json;
	}

	/** Webex's error body. */
	static Map<String, Object> error(String message, String trackingId) {
		return Map.of("message", message, "errors", List.of(Map.of("description", message)), "trackingId", trackingId);
	}

}
