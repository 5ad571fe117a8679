package io.github.recordingbot.sim;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.recordingbot.card.WebexCardRules;
import io.github.recordingbot.sim.SampleOrg.Person;
import io.github.recordingbot.sim.SampleOrg.Recording;
import io.github.recordingbot.support.DemoTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo end to end: the bot, wired to the built-in simulator by the demo profile's
 * settings, answers chat messages typed on the demo page through signed webhooks, with
 * the simulator's links and the call budget of the real API.
 */
class DemoEndToEndTests extends DemoContext {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Autowired
	SampleOrg org;

	@Autowired
	SimCalls calls;

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void resetCalls() {
		this.calls.latency(Duration.ZERO);
		this.calls.reset();
	}

	@Test
	void recFromTheHostRepliesWithTheSimulatorsLinksInFourPlusRCalls() {
		Person alice = person("alice@example.com");
		List<Recording> recordings = this.org.series.get(0)
			.instances()
			.stream()
			.flatMap((i) -> i.recordings().stream())
			.toList();

		JsonNode reply = chat(alice, "rec 123456789 alice@example.com 30");

		assertThat(links(reply)).hasSize(3 * recordings.size());
		for (Recording recording : recordings) {
			assertThat(links(reply)).anySatisfy((link) -> assertThat(link)
				.startsWith(DemoTestSupport.baseUrl() + "/sim/files/" + recording.id() + "/video/"));
		}
		Map<String, Long> counts = this.calls.counts();
		assertThat(counts).containsEntry("GET /messages/{id}", 1L)
			.containsEntry("GET /admin/meetings", 1L)
			.containsEntry("GET /admin/recordings", 1L)
			.containsEntry("GET /recordings/{id}", (long) recordings.size())
			.containsEntry("POST /messages", 1L);
		assertThat(this.calls.total()).isEqualTo(4 + recordings.size());
	}

	@Test
	void recForAOneOffMeetingThatIsOverFindsItsRecordingsThroughTheSeries() {
		SampleOrg.Series workshop = this.org.series.stream()
			.filter((s) -> s.upcoming() == null)
			.findFirst()
			.orElseThrow();

		JsonNode reply = chat(workshop.host(),
				"rec " + workshop.meetingNumber() + " " + workshop.host().email() + " 30");

		assertThat(links(reply)).hasSize(3);
		assertThat(this.calls.counts()).containsEntry("GET /admin/recordings", 1L);
	}

	@Test
	void linksInTheReplyDownloadTheSampleFilesWithTheAppendedFileName() throws Exception {
		JsonNode reply = chat(person("alice@example.com"), "rec 123 456 789 alice@example.com 30");

		for (String link : links(reply)) {
			HttpResponse<byte[]> file = HTTP.send(HttpRequest.newBuilder(URI.create(link)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			assertThat(file.statusCode()).isEqualTo(200);
			assertThat(new String(file.body(), StandardCharsets.UTF_8)).startsWith("Sample ");
		}
	}

	@Test
	void senderOutsideTheApprovedDomainIsRefused() {
		JsonNode reply = chat(person("pat@partner.org"), "rec 987654321");

		assertThat(reply.get("markdown").asString()).contains("not allowed");
		assertThat(links(reply)).isEmpty();
	}

	@Test
	void someoneElsesMeetingIsRefusedWhenOnlyTheHostMayHaveIt() {
		JsonNode reply = chat(person("bob@example.com"), "rec 123456789 alice@example.com 30");

		assertThat(links(reply)).isEmpty();
		assertThat(this.calls.counts()).doesNotContainKey("GET /recordings/{id}");
	}

	@Test
	void helpFormSubmitRunsTheRequestThroughASignedAttachmentActionWebhook() throws Exception {
		Person alice = person("alice@example.com");
		JsonNode help = chat(alice, "help");
		assertThat(help.get("attachments").get(0).get("content").toString()).contains("meeting_number");
		int before = botMessages(alice).size();

		post("/demo/api/people/" + alice.id() + "/actions", Map.of("messageId", help.get("id").asString(), "inputs", Map
			.of("meeting_number", "123 456 789", "meeting_host", "", "days_back", "30", "command_keyword", "rec")));

		JsonNode reply = awaitBotReply(alice, before + 1);
		assertThat(links(reply)).isNotEmpty();
		assertThat(this.calls.counts()).containsEntry("GET /attachment/actions/{id}", 1L);
	}

	@Test
	void metricsCountWebexCallsByEndpointAndRequestsByDecision() {
		chat(person("carol@example.com"),
				"rec " + person("carol@example.com").personalRoomNumber() + " carol@example.com 30");

		assertThat(this.meters.find("webex.calls").tag("endpoint", "/recordings/{id}").tag("status", "200").timer())
			.isNotNull();
		assertThat(this.meters.find("bot.requests").tag("decision", "permitted").timer()).isNotNull();
		assertThat(this.meters.find("bot.webhook.queue").gauge()).isNotNull();
	}

	@Test
	void everySimulatedCallTakesTheConfiguredLatency() throws Exception {
		this.calls.latency(Duration.ofMillis(120));
		long start = System.nanoTime();

		HttpResponse<String> response = get("/sim/v1/people/me", "Bearer demo-bot-token");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(120));
	}

	@Nested
	class Security {

		@Test
		void demoPageAndSimulatorNeedNoLogin() throws Exception {
			assertThat(get("/demo", null).statusCode()).isEqualTo(200);
			assertThat(get("/demo/assets/adaptivecards.min.js", null).statusCode()).isEqualTo(200);
			assertThat(get("/demo/api/people", null).statusCode()).isEqualTo(200);
		}

		@Test
		void statusPageStillNeedsTheOperator() throws Exception {
			assertThat(get("/", null).statusCode()).isEqualTo(401);
			assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
		}

		@Test
		void simulatedApiRefusesAMissingTokenLikeWebex() throws Exception {
			HttpResponse<String> response = get("/sim/v1/recordings/x", null);

			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(JSON.readTree(response.body()).has("trackingId")).isTrue();
		}

		@Test
		void botTokenCannotReadRecordings() throws Exception {
			assertThat(get("/sim/v1/recordings/x", "Bearer demo-bot-token").statusCode()).isEqualTo(401);
		}

	}

	@Nested
	class OAuth {

		/** The demo bot's own redirect URI: the only one the simulator sends back to. */
		static final String REDIRECT = DemoTestSupport.baseUrl() + "/webex/redirect";

		@Test
		void consentThenCodeExchangeGivesAnOfficerTokenThatReadsRecordings() throws Exception {
			String verifier = "a-code-verifier-of-enough-length-0123456789abcdef";
			String query = "client_id=demo-client&response_type=code&redirect_uri=" + encode(REDIRECT) + "&scope="
					+ encode("spark-compliance:meetings_read spark:kms") + "&state=xyz&code_challenge="
					+ SimTokens.s256(verifier) + "&code_challenge_method=S256";
			assertThat(get("/sim/v1/authorize?" + query, null).body()).contains("spark-compliance:meetings_read");

			HttpResponse<String> decision = form("/sim/v1/authorize",
					query + "&officer=" + encode("olivia@example.com") + "&decision=accept", null);
			assertThat(decision.statusCode()).isEqualTo(302);
			String location = decision.headers().firstValue("Location").orElseThrow();
			assertThat(location).startsWith(REDIRECT + "?code=").endsWith("&state=xyz");
			String code = location.substring(location.indexOf("code=") + 5, location.indexOf('&'));

			HttpResponse<String> token = form("/sim/v1/access_token",
					"grant_type=authorization_code&code=" + code + "&redirect_uri=" + encode(REDIRECT)
							+ "&code_verifier=" + verifier + "&client_id=demo-client&client_secret=s",
					null);
			assertThat(token.statusCode()).isEqualTo(200);
			JsonNode body = JSON.readTree(token.body());
			assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
			assertThat(body.get("expires_in").asInt()).isEqualTo(1209599);
			String recordingId = DemoEndToEndTests.this.org.recordings().get(0).id();
			assertThat(get("/sim/v1/recordings/" + recordingId, "Bearer " + body.get("access_token").asString())
				.statusCode()).isEqualTo(200);
			assertThat(JSON.readTree(get("/sim/v1/people/me", "Bearer " + body.get("access_token").asString()).body())
				.get("emails")
				.get(0)
				.asString()).isEqualTo("olivia@example.com");

			HttpResponse<String> again = form("/sim/v1/access_token", "grant_type=authorization_code&code=" + code
					+ "&redirect_uri=" + encode(REDIRECT) + "&code_verifier=" + verifier + "&client_id=demo-client",
					null);
			assertThat(again.statusCode()).isEqualTo(400);
			assertThat(again.body()).contains("invalid_grant");

			HttpResponse<String> refreshed = form("/sim/v1/access_token",
					"grant_type=refresh_token&refresh_token=" + body.get("refresh_token").asString(),
					"Basic " + java.util.Base64.getEncoder()
						.encodeToString("demo-client:s".getBytes(StandardCharsets.UTF_8)));
			assertThat(refreshed.statusCode()).isEqualTo(200);
		}

		@Test
		void theComplianceOfficerIsGrantedOnlyTheRequestedScopesItMayHold() throws Exception {
			String query = "client_id=demo-client&response_type=code&redirect_uri=" + encode(REDIRECT) + "&scope="
					+ encode(
							"meeting:admin_schedule_read meeting:admin_preferences_read spark-compliance:meetings_read "
									+ "spark:people_read");
			HttpResponse<String> decision = form("/sim/v1/authorize",
					query + "&officer=" + encode("olivia@example.com") + "&decision=accept", null);
			String location = decision.headers().firstValue("Location").orElseThrow();
			String code = location.substring(location.indexOf("code=") + 5);

			HttpResponse<String> token = form("/sim/v1/access_token", "grant_type=authorization_code&code=" + code
					+ "&redirect_uri=" + encode(REDIRECT) + "&client_id=demo-client", null);

			assertThat(JSON.readTree(token.body()).get("scope").asString())
				.isEqualTo("spark-compliance:meetings_read spark:people_read");
		}

		@Test
		void onlyAdminScopesRequestedSendsTheOfficerBackWithInvalidScope() throws Exception {
			HttpResponse<String> decision = form("/sim/v1/authorize",
					"client_id=c&response_type=code&redirect_uri=" + encode(REDIRECT) + "&scope="
							+ encode("meeting:admin_schedule_read") + "&officer=" + encode("olivia@example.com")
							+ "&decision=accept",
					null);

			assertThat(decision.headers().firstValue("Location").orElseThrow()).contains("error=invalid_scope")
				.doesNotContain("code=");
		}

		@Test
		void declineSendsTheOfficerBackWithAccessDenied() throws Exception {
			HttpResponse<String> decision = form("/sim/v1/authorize", "client_id=c&response_type=code&redirect_uri="
					+ encode(REDIRECT) + "&state=s1&officer=" + encode("olivia@example.com") + "&decision=decline",
					null);

			assertThat(decision.headers().firstValue("Location").orElseThrow()).contains("error=access_denied")
				.contains("state=s1");
		}

		@Test
		void wrongCodeVerifierIsRefused() throws Exception {
			HttpResponse<String> decision = form("/sim/v1/authorize",
					"client_id=c&response_type=code&redirect_uri=" + encode(REDIRECT) + "&code_challenge="
							+ SimTokens.s256("right") + "&code_challenge_method=S256" + "&officer="
							+ encode("olivia@example.com") + "&decision=accept",
					null);
			String location = decision.headers().firstValue("Location").orElseThrow();
			String code = location.substring(location.indexOf("code=") + 5);

			HttpResponse<String> token = form("/sim/v1/access_token", "grant_type=authorization_code&code=" + code
					+ "&redirect_uri=" + encode(REDIRECT) + "&code_verifier=wrong&client_id=c", null);

			assertThat(token.statusCode()).isEqualTo(400);
		}

	}

	// helpers
	// -----------------------------------------------------------------------------------

	Person person(String email) {
		return this.org.personByEmail(email).orElseThrow();
	}

	/** Types a message on the demo page and waits for the bot's answer to it. */
	JsonNode chat(Person person, String text) {
		int before = botMessages(person).size();
		post("/demo/api/people/" + person.id() + "/messages", Map.of("text", text));
		return awaitBotReply(person, before + 1);
	}

	JsonNode awaitBotReply(Person person, int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> botMessages(person).size() >= count);
		List<JsonNode> messages = botMessages(person);
		return messages.get(count - 1);
	}

	List<JsonNode> botMessages(Person person) {
		try {
			JsonNode all = JSON.readTree(get("/demo/api/people/" + person.id() + "/messages", null).body());
			List<JsonNode> bot = new ArrayList<>();
			all.forEach((m) -> {
				if (m.get("personEmail").asString().endsWith("@webex.bot")) {
					bot.add(m);
				}
			});
			return bot;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The download links on the reply's card: markdown links in its text blocks. */
	static List<String> links(JsonNode reply) {
		List<String> links = new ArrayList<>();
		if (reply.has("attachments")) {
			reply.get("attachments").forEach((attachment) -> links.addAll(WebexCardRules.links(attachment)));
		}
		return links;
	}

	static HttpResponse<String> get(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(DemoTestSupport.baseUrl() + path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static void post(String path, Object body) {
		try {
			HttpResponse<String> response = HTTP
				.send(HttpRequest.newBuilder(URI.create(DemoTestSupport.baseUrl() + path))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static HttpResponse<String> form(String path, String body, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(DemoTestSupport.baseUrl() + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
