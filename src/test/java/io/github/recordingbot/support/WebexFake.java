package io.github.recordingbot.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * A fake Webex at the HTTP level (WireMock), answering with JSON shaped like the real
 * API's examples, and the helpers the tests need to talk to the bot like Webex does.
 */
public final class WebexFake {

	public static final String BOT_TOKEN = "bot-token-for-tests";

	public static final String OFFICER_TOKEN = "officer-token-for-tests";

	public static final String SECRET = "a-webhook-secret-of-at-least-32-characters";

	private static final java.util.regex.Pattern DATA_CREATED = java.util.regex.Pattern
		.compile("(\"data\":\\{.*\"created\":\")([^\"]*)(\")", java.util.regex.Pattern.DOTALL);

	/**
	 * The same delivery body with {@code data.created} set to {@code created}: the bot
	 * ignores deliveries older than ten minutes on its own clock, so a test whose bot
	 * runs on another clock, or which wants a stale or malformed time, sets it here.
	 */
	public static String withCreated(String envelope, String created) {
		java.util.regex.Matcher matcher = DATA_CREATED.matcher(envelope);
		if (!matcher.find()) {
			throw new IllegalArgumentException("not a delivery body with data.created");
		}
		return envelope.substring(0, matcher.start(2)) + created + envelope.substring(matcher.end(2));
	}

	/** The {@code data.created} of a delivery body. */
	public static String createdOf(String envelope) {
		java.util.regex.Matcher matcher = DATA_CREATED.matcher(envelope);
		if (!matcher.find()) {
			throw new IllegalArgumentException("not a delivery body with data.created");
		}
		return matcher.group(2);
	}

	public static final String BOT_ID = personId("b0b0b0b0-0000-4000-8000-000000000000");

	/**
	 * Every exchange is checked against the official spec: see WebexContractExtension.
	 */
	public final WireMockServer server = new WireMockServer(
			WireMockConfiguration.options().dynamicPort().extensions(new WebexContractListener()));

	public WebexFake start() {
		this.server.start();
		reset();
		return this;
	}

	public void stop() {
		this.server.stop();
	}

	/** The API base URL the bot must use: every call goes under it. */
	public String baseUrl() {
		return "http://localhost:" + this.server.port() + "/v1";
	}

	/** Removes all stubs and requests, and stubs the calls every test needs. */
	public void reset() {
		this.server.resetAll();
		this.role = Role.ADMIN;
		this.server.stubFor(get("/v1/people/me").willReturn(okJson("""
				{"id":"%s","emails":["recordings@webex.bot"],"displayName":"Recording Bot","type":"bot"}
				""".formatted(BOT_ID))));
		this.server.stubFor(post("/v1/messages").willReturn(okJson("""
				{"id":"%s","roomId":"room","roomType":"direct","created":"2026-11-25T12:00:00.000Z"}
				""".formatted(id("MESSAGE", "reply")))));
	}

	public static String personId(String uuid) {
		return id("PEOPLE", uuid);
	}

	/** A Webex id: base64 of {@code ciscospark://us/<TYPE>/<uuid>}, without padding. */
	public static String id(String type, String uuid) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("ciscospark://us/" + type + "/" + uuid).getBytes(StandardCharsets.UTF_8));
	}

	public void message(String messageId, String personId, String email, String roomType, String text) {
		// a message without text has no "text" field (the spec allows no null there)
		String textField = (text != null) ? "\"text\":" + Json.string(text) + "," : "";
		String json = """
				{"id":"%s","roomId":"%s","roomType":"%s",%s"personId":"%s","personEmail":"%s",
				 "created":"2026-11-25T11:59:59.000Z"}
				""".formatted(messageId, roomId(personId), roomType, textField, personId, email);
		this.server.stubFor(get("/v1/messages/" + messageId).willReturn(okJson(json)));
	}

	public void attachmentAction(String actionId, String personId, String inputsJson) {
		String json = """
				{"id":"%s","type":"submit","messageId":"%s","personId":"%s","roomId":"%s","inputs":%s,
				 "created":"2026-11-25T11:59:59.000Z"}
				""".formatted(actionId, id("MESSAGE", "card"), personId, roomId(personId), inputsJson);
		this.server.stubFor(get("/v1/attachment/actions/" + actionId).willReturn(okJson(json)));
	}

	public void person(String personId, String email) {
		this.server.stubFor(get("/v1/people/" + personId).willReturn(okJson("""
				{"id":"%s","emails":["%s"],"displayName":"Someone","type":"person"}
				""".formatted(personId, email))));
	}

	/**
	 * {@code GET /people/{id}} for a person whose profile names a time zone
	 * ({@code timezone}, absent when none is configured).
	 */
	public void person(String personId, String email, String timezone) {
		this.server.stubFor(get("/v1/people/" + personId).willReturn(okJson("""
				{"id":"%s","emails":["%s"],"displayName":"Someone","type":"person","timezone":"%s"}
				""".formatted(personId, email, timezone))));
	}

	public void room(String roomId, String type) {
		this.server.stubFor(get("/v1/rooms/" + roomId).willReturn(okJson("""
				{"id":"%s","title":"Room","type":"%s"}
				""".formatted(roomId, type))));
	}

	public static String roomId(String personId) {
		return id("ROOM", "r-" + Integer.toHexString(personId.hashCode()));
	}

	/**
	 * {@code GET /admin/meetings?meetingNumber=…} answers with the series' current
	 * scheduled meeting, as List Meetings By an Admin does by default
	 * ({@code current=true}).
	 */
	public void meetingSeries(String number, String hostEmail, String seriesId, String hostUserId, String title) {
		adminMeetings(number, scheduledMeeting(number, hostEmail, seriesId, hostUserId, title, "meeting"));
	}

	/**
	 * {@code GET /admin/meetings?meetingNumber=…} answers with a scheduled meeting in the
	 * host's personal room: only a scheduled meeting says so
	 * ({@code scheduledType=personalRoomMeeting}).
	 */
	public void personalRoomMeeting(String number, String hostEmail, String seriesId, String hostUserId) {
		adminMeetings(number, scheduledMeeting(number, hostEmail, seriesId, hostUserId, "Host's Personal Room",
				"personalRoomMeeting"));
	}

	/**
	 * {@code GET /admin/meetings?meetingNumber=…} answers with the series itself, as when
	 * no scheduled meeting of it is left: a series never says whether it is a personal
	 * room.
	 */
	public void seriesWithoutScheduledMeeting(String number, String hostEmail, String seriesId, String hostUserId,
			String title) {
		adminMeetings(number, meeting(seriesId, seriesId, number, title, "meetingSeries", "expired", hostUserId,
				hostEmail, "meeting"));
	}

	/**
	 * {@code GET /admin/meetings?webLink=…} answers with the series' current scheduled
	 * meeting, as for {@link #meetingSeries}. WireMock matches the decoded value: the
	 * link exactly as the bot should have sent it, encoded once.
	 */
	public void meetingSeriesByLink(String webLink, String number, String hostEmail, String seriesId, String hostUserId,
			String title) {
		adminMeetingsByLink(webLink, scheduledMeeting(number, hostEmail, seriesId, hostUserId, title, "meeting"));
	}

	/**
	 * {@code GET /admin/meetings?webLink=…} for a personal room's link answers with a
	 * series that does not say it is a personal room: the shape Webex documents least.
	 */
	public void seriesByRoomLink(String webLink, String number, String hostEmail, String seriesId, String hostUserId) {
		adminMeetingsByLink(webLink, meeting(seriesId, seriesId, number, "Host's Personal Room", "meetingSeries",
				"expired", hostUserId, hostEmail, "meeting"));
	}

	/** {@code GET /admin/meetings?webLink=…} finds nothing. */
	public void noMeetingsByLink(String webLink) {
		this.server.stubFor(get(urlPathEqualTo("/v1/admin/meetings")).withQueryParam("webLink", equalTo(webLink))
			.willReturn(okJson("{\"items\":[]}")));
	}

	private void adminMeetingsByLink(String webLink, String item) {
		this.server.stubFor(get(urlPathEqualTo("/v1/admin/meetings")).withQueryParam("webLink", equalTo(webLink))
			.willReturn(okJson("{\"items\":[" + item + "]}")));
	}

	private void adminMeetings(String number, String item) {
		this.server.stubFor(get(urlPathEqualTo("/v1/admin/meetings")).withQueryParam("meetingNumber", equalTo(number))
			.willReturn(okJson("{\"items\":[" + item + "]}")));
	}

	private static String scheduledMeeting(String number, String hostEmail, String seriesId, String hostUserId,
			String title, String scheduledType) {
		return meeting(seriesId + "_20261201T120000Z", seriesId, number, title, "scheduledMeeting", "scheduled",
				hostUserId, hostEmail, scheduledType);
	}

	/**
	 * A meeting shaped like {@code MeetingObjectForAdminListMeeting}, with its required
	 * fields; {@code number} is null for an ended instance, which has none.
	 */
	private static String meeting(String id, String seriesId, String number, String title, String meetingType,
			String state, String hostUserId, String hostEmail, String scheduledType) {
		String numberField = (number != null) ? "\"meetingNumber\":\"" + number + "\"," : "";
		return """
				{"id":"%s","meetingSeriesId":"%s",%s"title":%s,"meetingType":"%s","state":"%s",
				 "timezone":"UTC","start":"2026-12-01T12:00:00Z","end":"2026-12-01T13:00:00Z",
				 "hostUserId":"%s","hostDisplayName":"Host","hostEmail":"%s","siteUrl":"example.webex.com",
				 "scheduledType":"%s","enabledBreakoutSessions":false,
				 "telephony":{"callInNumbers":[{"label":"US Toll","callInNumber":"+1-415-527-5035","tollType":"toll"}]}}
				""".formatted(id, seriesId, numberField, Json.string(title), meetingType, state, hostUserId, hostEmail,
				scheduledType);
	}

	/**
	 * {@code GET /admin/meetings/{instanceId}} answers with an ended meeting instance
	 * (which has no meeting number).
	 */
	public void meetingInstance(String instanceId, String seriesId, String hostUserId, String hostEmail, String title) {
		this.server.stubFor(get("/v1/admin/meetings/" + instanceId).willReturn(okJson(
				meeting(instanceId, seriesId, null, title, "meeting", "ended", hostUserId, hostEmail, "meeting"))));
	}

	/**
	 * {@code GET /admin/recordings?from=…&to=…} without a meeting: everything recorded on
	 * the site in the window, the host's recordings and, after them, another host's,
	 * which the bot must leave out.
	 */
	public void recordingsOfHost(String hostEmail, List<RecordingFixture> recordings) {
		String items = recordings.stream()
			.map((r) -> recordingItem(r, r.instanceId(), hostEmail))
			.collect(Collectors.joining(","));
		String other = recordingItem(RecordingFixture.of("0th3rh0strecording", "0th3rh0stmeeting_I_1",
				"Someone else's meeting", TestClock.START.minusSeconds(3600).toString()), "0th3rh0stmeeting_I_1",
				OTHER_HOST);
		this.server.stubFor(get(urlPathEqualTo("/v1/admin/recordings"))
			.withQueryParam("meetingId", com.github.tomakehurst.wiremock.client.WireMock.absent())
			.willReturn(okJson("{\"items\":[" + items + (items.isEmpty() ? "" : ",") + other + "]}")));
	}

	/** A host whose recordings a sender's own list must never show. */
	public static final String OTHER_HOST = "someone.else@example.com";

	/** A recording shaped like {@code RecordingObjectForAdminAndCO}. */
	private static String recordingItem(RecordingFixture r, String seriesId, String hostEmail) {
		return """
				{"id":"%s","meetingId":"%s","scheduledMeetingId":"%s_20261101T120000Z","meetingSeriesId":"%s",
				 "topic":%s,"createTime":"%s","timeRecorded":"%s","hostDisplayName":"Host","hostEmail":"%s",
				 "siteUrl":"example.webex.com","downloadUrl":"https://example.webex.com/lsr.php?RCID=1",
				 "playbackUrl":"https://example.webex.com/ldr.php?RCID=2","format":"MP4",
				 "serviceType":"MeetingCenter","durationSeconds":%d,"sizeBytes":1000,"status":"%s"}
				""".formatted(r.id(), r.instanceId(), seriesId, seriesId, Json.string(r.topic()), r.recorded(),
				r.recorded(), hostEmail, r.durationSeconds(), r.status());
	}

	/** A message with files and no text, as a file share reads over REST. */
	public void fileMessage(String messageId, String personId, String email) {
		String json = """
				{"id":"%s","roomId":"%s","roomType":"direct","personId":"%s","personEmail":"%s",
				 "files":["https://webexapis.com/v1/contents/Y2lzY29zcGFyazovL3VzL0NPTlRFTlQvMQ"],
				 "created":"2026-11-25T11:59:59.000Z"}
				""".formatted(messageId, roomId(personId), personId, email);
		this.server.stubFor(get("/v1/messages/" + messageId).willReturn(okJson(json)));
	}

	public void noMeetings(String number) {
		this.server.stubFor(get(urlPathEqualTo("/v1/admin/meetings")).withQueryParam("meetingNumber", equalTo(number))
			.willReturn(okJson("{\"items\":[]}")));
	}

	/**
	 * {@code GET /admin/recordings?meetingId=<series>} lists the recordings, one per
	 * instance given.
	 */
	public void recordingList(String seriesId, List<RecordingFixture> recordings) {
		String items = recordings.stream()
			.map((r) -> recordingItem(r, seriesId, "host@example.com"))
			.collect(Collectors.joining(","));
		this.server.stubFor(get(urlPathEqualTo("/v1/admin/recordings")).withQueryParam("meetingId", equalTo(seriesId))
			.willReturn(okJson("{\"items\":[" + items + "]}")));
	}

	/**
	 * {@code GET /recordings/{id}} with temporary links, as a Compliance Officer sees it.
	 */
	public void recordingDetails(RecordingFixture r) {
		String links = """
				"temporaryDirectDownloadLinks":{"recordingDownloadLink":"%s","audioDownloadLink":"%s",
				  "transcriptDownloadLink":"%s","expiration":"2026-11-25T15:00:00Z"},
				""".formatted(r.videoLink(), r.audioLink(), r.transcriptLink());
		this.server.stubFor(get("/v1/recordings/" + r.id()).willReturn(okJson(recordingDetailsJson(r, links))));
	}

	/**
	 * {@code GET /recordings/{id}} without temporary links, which the spec does not
	 * promise.
	 */
	public void recordingDetailsWithoutLinks(RecordingFixture r) {
		this.server.stubFor(get("/v1/recordings/" + r.id()).willReturn(okJson(recordingDetailsJson(r, ""))));
	}

	private static String recordingDetailsJson(RecordingFixture r, String links) {
		return """
				{"id":"%s","meetingId":"%s","topic":%s,"createTime":"%s","timeRecorded":"%s",
				 "siteUrl":"example.webex.com","downloadUrl":"https://example.webex.com/lsr.php?RCID=1",
				 "playbackUrl":"https://example.webex.com/ldr.php?RCID=2","password":"********",%s
				 "format":"MP4","serviceType":"MeetingCenter","durationSeconds":%d,"sizeBytes":1000,
				 "shareToMe":false,"status":"available"}
				""".formatted(r.id(), r.instanceId(), Json.string(r.topic()), r.recorded(), r.recorded(), links,
				r.durationSeconds());
	}

	/**
	 * {@code GET /meetingPreferences/personalMeetingRoom?userEmail=…} answers with that
	 * person's room. Webex honours {@code userEmail} only for admin-level scopes: for a
	 * Compliance Officer's token it answers with the officer's own room, and so does this
	 * fake in {@link Role#COMPLIANCE}.
	 */
	public void personalRoom(String userEmail, String accessCode) {
		if (this.role == Role.COMPLIANCE) {
			this.server.stubFor(get(urlPathEqualTo("/v1/meetingPreferences/personalMeetingRoom"))
				.willReturn(okJson(personalRoomJson(OFFICER_ROOM))));
			return;
		}
		this.server.stubFor(get(urlPathEqualTo("/v1/meetingPreferences/personalMeetingRoom"))
			.withQueryParam("userEmail", equalTo(userEmail))
			.willReturn(okJson(personalRoomJson(accessCode))));
	}

	/** The access code of the officer's own personal room. */
	public static final String OFFICER_ROOM = "5550001111";

	private static String personalRoomJson(String accessCode) {
		return """
				{"topic":"PMR","hostPin":"4325","personalMeetingRoomLink":"https://example.webex.com/meet/host",
				 "enabledAutoLock":false,"enabledNotifyHost":true,"supportCoHost":true,
				 "sipAddress":"host@example.webex.com","dialInIpAddress":"192.168.100.100",
				 "telephony":{"accessCode":"%s","callInNumbers":[]}}
				""".formatted(accessCode);
	}

	/**
	 * Who authorized the integration, as the Meetings API scope table distinguishes them.
	 */
	public enum Role {

		/** A full org admin with the admin meeting scopes. */
		ADMIN,

		/**
		 * A Compliance Officer who is not an admin: user-level e-mail filters are
		 * ignored.
		 */
		COMPLIANCE

	}

	private volatile Role role = Role.ADMIN;

	/**
	 * Answers as Webex does for a token of this role from now on (until the next reset).
	 */
	public void role(Role role) {
		this.role = role;
	}

	/** The U2C base URL the bot must use in websocket mode. */
	public String u2cUrl() {
		return "http://localhost:" + this.server.port();
	}

	/**
	 * U2C catalog and device service: the catalog points at this server's
	 * {@code /wdm/api/v1}, the device list holds {@code devicesJson}, and a new device
	 * gets a websocket on the given fake Mercury.
	 */
	public void mercuryDiscovery(FakeMercury mercury, String devicesJson) {
		String wdm = u2cUrl() + "/wdm/api/v1";
		this.server.stubFor(get(urlPathEqualTo("/u2c/api/v1/catalog")).withQueryParam("format", equalTo("hostmap"))
			.willReturn(
					okJson("""
							{"serviceLinks":{"wdm":"%s","conversation":"https://conv-a.wbx2.com/conversation/api/v1"},
							 "hostCatalog":{
							  "conv-a.wbx2.com":[{"host":"conv-a.wbx2.com","ttl":-1,"priority":5,"id":"urn:TEAM:us-east-2_a:conversation"}],
							  "conv-k.wbx2.com":[{"host":"conv-k.wbx2.com","ttl":-1,"priority":5,"id":"urn:TEAM:eu-central-1_k:conversation"}]}}
							"""
						.formatted(wdm))));
		this.server.stubFor(get("/wdm/api/v1/devices").willReturn(okJson("{\"devices\":" + devicesJson + "}")));
		this.server.stubFor(post("/wdm/api/v1/devices").willReturn(okJson("""
				{"url":"%s/devices/d1","webSocketUrl":"%s","name":"webex-recording-bot","deviceType":"DESKTOP"}
				""".formatted(wdm, mercury.webSocketUrl("d1")))));
		this.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock
			.delete(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/wdm/api/v1/devices/.*"))
			.willReturn(aResponse().withStatus(204)));
	}

	public void failWith(String path, int status) {
		this.server.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)));
	}

	/** Every request the bot sent to the U2C catalog and the device service. */
	public List<LoggedRequest> deviceCalls() {
		return inArrivalOrder().stream()
			.filter((r) -> r.getUrl().startsWith("/u2c/") || r.getUrl().startsWith("/wdm/"))
			.toList();
	}

	/**
	 * Every request the bot sent to the Webex API, except the identity lookup at startup.
	 */
	public List<LoggedRequest> calls() {
		return inArrivalOrder().stream()
			.filter((r) -> !r.getUrl().equals("/v1/people/me"))
			.filter((r) -> !r.getUrl().startsWith("/u2c/") && !r.getUrl().startsWith("/wdm/"))
			.toList();
	}

	/**
	 * WireMock's journal lists the newest first; its timestamps have millisecond
	 * resolution, so sorting by them would reorder calls made in the same millisecond.
	 */
	private List<LoggedRequest> inArrivalOrder() {
		List<LoggedRequest> requests = new java.util.ArrayList<>(
				this.server.getAllServeEvents().stream().map(ServeEvent::getRequest).toList());
		java.util.Collections.reverse(requests);
		return requests;
	}

	/** The bodies of every {@code POST /messages} the bot sent. */
	public List<String> replies() {
		return calls().stream()
			.filter((r) -> r.getMethod().getName().equals("POST") && r.getUrl().equals("/v1/messages"))
			.map(LoggedRequest::getBodyAsString)
			.toList();
	}

	/** A webhook delivery body shaped like Webex's. */
	public static String envelope(String resource, String dataId, String personId, String email, String roomType) {
		String emailField = (email != null) ? ",\"personEmail\":\"" + email + "\"" : "";
		String roomTypeField = (roomType != null) ? ",\"roomType\":\"" + roomType + "\"" : "";
		return """
				{"id":"%s","name":"Recording bot","targetUrl":"https://bot.example.com/webhook","resource":"%s",
				 "event":"created","orgId":"%s","createdBy":"%s","appId":"%s","ownedBy":"creator","status":"active",
				 "created":"2026-11-25T11:00:00.000Z","actorId":"%s",
				 "data":{"id":"%s","roomId":"%s"%s,"personId":"%s"%s,"created":"%s"}}
				""".formatted(id("WEBHOOK", "w1"), resource, id("ORGANIZATION", "o1"), BOT_ID, id("APPLICATION", "a1"),
				personId, dataId, roomId(personId), roomTypeField, personId, emailField,
				TestClock.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
	}

	public static String sign(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Posts a delivery to the bot's webhook, signed with the given secret (or unsigned
	 * when null).
	 */
	public static HttpResponse<String> deliver(int port, byte[] body, String secret) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhook"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (secret != null) {
			request.header("X-Spark-Signature", sign(secret, body));
		}
		try {
			return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A recording of one meeting instance.
	 */
	public record RecordingFixture(String id, String instanceId, String topic, String recorded, long durationSeconds,
			String status) {

		public static RecordingFixture of(String id, String instanceId, String topic, String recorded) {
			return new RecordingFixture(id, instanceId, topic, recorded, 3725, "available");
		}

		public String videoLink() {
			return "https://example.webex.com/nbr/MultiThreadDownloadServlet?siteid=1&recordid=" + this.id
					+ "&ticket=SDJTSwAAAIUB%2FHcJ&timestamp=1";
		}

		public String audioLink() {
			return "https://example.webex.com/nbr/downloadMedia.do?recordid=" + this.id + "&mediaType=1";
		}

		public String transcriptLink() {
			return "https://example.webex.com/nbr/downloadMedia.do?recordid=" + this.id + "&mediaType=2";
		}

	}

	/** Minimal JSON string quoting for fixtures. */
	static final class Json {

		static String string(String text) {
			if (text == null) {
				return "null";
			}
			StringBuilder out = new StringBuilder("\"");
			for (char c : text.toCharArray()) {
				switch (c) {
					case '"' -> out.append("\\\"");
					case '\\' -> out.append("\\\\");
					case '\n' -> out.append("\\n");
					case '\r' -> out.append("\\r");
					case '\t' -> out.append("\\t");
					default -> {
						if (c < 0x20) {
							out.append(String.format("\\u%04x", (int) c));
						}
						else {
							out.append(c);
						}
					}
				}
			}
			return out.append('"').toString();
		}

	}

}
