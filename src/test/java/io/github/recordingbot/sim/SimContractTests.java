package io.github.recordingbot.sim;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import io.github.recordingbot.sim.SampleOrg.Instance;
import io.github.recordingbot.sim.SampleOrg.Person;
import io.github.recordingbot.sim.SampleOrg.Recording;
import io.github.recordingbot.sim.SampleOrg.Series;
import io.github.recordingbot.support.DemoTestSupport;
import io.github.recordingbot.support.WebexContract;
import io.github.recordingbot.support.WebexContract.Answer;
import io.github.recordingbot.support.WebexContract.Call;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer the simulator gives to an operation the bot calls validates against the
 * official Webex spec, as the WireMock fixtures must. The operations come from the
 * simulator's own request mappings, so an endpoint added to it is checked as soon as the
 * spec extract documents it.
 */
class SimContractTests extends DemoContext {

	/** The demo bot's own webhook: the only target the simulator accepts. */

	static final WebexContract CONTRACT = WebexContract.official();

	static final String BASE = "/sim/v1";

	static final String EXAMPLE_NAME = "Contract example";

	@Autowired
	SimState state;

	@Autowired
	SimProperties properties;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@TestFactory
	Stream<DynamicTest> everyAnswerToAnOperationTheBotCallsFollowsTheSpec() {
		return servedOperations().stream()
			.map((operation) -> DynamicTest.dynamicTest(operation, () -> assertFollowsTheSpec(operation)));
	}

	@Test
	void theSimulatorServesTheMessagingOperationsTheBotCalls() {
		assertThat(servedOperations()).contains("GET /people/me", "GET /people/{personId}", "GET /messages/{messageId}",
				"POST /messages", "GET /attachment/actions/{id}", "GET /rooms/{roomId}", "GET /webhooks",
				"POST /webhooks", "PUT /webhooks/{webhookId}", "DELETE /webhooks/{webhookId}");
	}

	void assertFollowsTheSpec(String operation) throws Exception {
		List<Example> examples = examples(operation);
		assertThat(examples).as("example requests for %s", operation).isNotEmpty();
		for (Example example : examples) {
			HttpResponse<String> response = send(example);
			Answer answer = new Answer(response.statusCode(), response.headers().map(), response.body());

			assertThat(response.statusCode()).as("%s %s", example.method(), example.pathAndQuery()).isBetween(200, 299);
			assertThat(CONTRACT.violations(example.call(), answer))
				.as("%s %s answered %s", example.method(), example.pathAndQuery(), response.body())
				.isEmpty();
		}
	}

	/**
	 * The operations of the spec extract the simulator has a mapping for, as the spec
	 * writes them ({@code GET /people/{personId}}).
	 */
	Set<String> servedOperations() {
		Set<String> operations = new TreeSet<>();
		for (RequestMappingInfo mapping : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : mapping.getPatternValues()) {
				if (!pattern.startsWith(BASE + "/")) {
					continue;
				}
				String path = WebexContract.apiPath(pattern).replaceAll("\\{[^}]+}", "an-id");
				for (RequestMethod method : mapping.getMethodsCondition().getMethods()) {
					String operation = CONTRACT.operation(method.name(), path);
					if (operation != null) {
						operations.add(operation);
					}
				}
			}
		}
		return operations;
	}

	/**
	 * Requests the bot sends, with ids of the simulator's sample organization. Every
	 * operation of the spec extract has an entry, served by the simulator yet or not.
	 */
	List<Example> examples(String operation) {
		SampleOrg org = this.state.org();
		Person alice = org.people.get(0);
		Series series = org.series.stream()
			.filter((s) -> s.instances().stream().anyMatch((i) -> !i.recordings().isEmpty()))
			.findFirst()
			.orElseThrow();
		Instance instance = series.instances()
			.stream()
			.filter((i) -> !i.recordings().isEmpty())
			.findFirst()
			.orElseThrow();
		Recording recording = instance.recordings().get(0);
		String bot = this.properties.botToken();
		String officer = this.properties.officerToken();
		String from = recording.timeRecorded().minus(Duration.ofDays(1)).toString();
		String to = recording.timeRecorded().plus(Duration.ofDays(1)).toString();
		return switch (operation) {
			case "GET /people/me" -> List.of(Example.get(bot, "/people/me"));
			case "GET /people/{personId}" -> List.of(Example.get(bot, "/people/" + alice.id()));
			case "GET /messages/{messageId}" ->
				List.of(Example.get(bot, "/messages/" + this.state.userMessage(alice, "help").get("id")));
			case "POST /messages" -> List.of(
					Example.send("POST", bot, "/messages",
							"{\"roomId\":\"" + SampleOrg.roomId(alice.id()) + "\",\"markdown\":\"Hello\"}"),
					Example.send("POST", bot, "/messages", "{\"roomId\":\"" + SampleOrg.roomId(alice.id())
							+ "\",\"markdown\":"
							+ "\"Which meeting?\",\"attachments\":[{\"contentType\":\"application/vnd.microsoft.card.adaptive\","
							+ "\"content\":{\"type\":\"AdaptiveCard\",\"version\":\"1.3\",\"body\":[]}}]}"));
			case "GET /attachment/actions/{id}" -> {
				Object messageId = this.state.botMessage(Map.of("roomId", SampleOrg.roomId(alice.id()))).get("id");
				Object actionId = this.state.attachmentAction(alice, (String) messageId, Map.of("meeting_number", "1"))
					.get("id");
				yield List.of(Example.get(bot, "/attachment/actions/" + actionId));
			}
			case "GET /rooms/{roomId}" -> List.of(Example.get(bot, "/rooms/" + SampleOrg.roomId(alice.id())));
			case "GET /webhooks" -> {
				webhook();
				yield List.of(Example.get(bot, "/webhooks?max=100"));
			}
			case "POST /webhooks" -> List.of(Example.send("POST", bot, "/webhooks", """
					{"name":"%s","targetUrl":"%s","resource":"messages",
					 "event":"created","secret":"a-webhook-secret-of-at-least-32-characters"}
					""".formatted(EXAMPLE_NAME, target())));
			case "PUT /webhooks/{webhookId}" -> List.of(Example.send("PUT", bot, "/webhooks/" + webhook(), """
					{"name":"%s","targetUrl":"%s",
					 "secret":"a-webhook-secret-of-at-least-32-characters","status":"active"}
					""".formatted(EXAMPLE_NAME, target())));
			case "DELETE /webhooks/{webhookId}" -> List.of(Example.send("DELETE", bot, "/webhooks/" + webhook(), null));
			case "GET /admin/meetings" ->
				List.of(Example.get(officer, "/admin/meetings?meetingNumber=" + series.meetingNumber()));
			case "GET /admin/meetings/{meetingId}" -> List.of(Example.get(officer, "/admin/meetings/" + series.id()),
					Example.get(officer, "/admin/meetings/" + instance.id()));
			case "GET /admin/recordings" -> List.of(
					Example.get(officer, "/admin/recordings?meetingId=" + series.id() + "&max=100"),
					Example.get(officer, "/admin/recordings?from=" + encode(from) + "&to=" + encode(to) + "&max=100"),
					Example.get(officer, "/admin/recordings?from=" + encode(from) + "&to=" + encode(to) + "&max=1"));
			case "GET /recordings/{recordingId}" -> List.of(Example.get(officer, "/recordings/" + recording.id()));
			case "GET /meetingPreferences/personalMeetingRoom" -> List
				.of(Example.get(officer, "/meetingPreferences/personalMeetingRoom?userEmail=" + encode(alice.email())));
			default -> List.of();
		};
	}

	/** The bot's own webhook address: the only target the simulator delivers to. */
	String target() {
		return this.properties.webhookTarget().toString();
	}

	/**
	 * The demo context is shared with other tests: the webhooks these examples create go
	 * again afterwards.
	 */
	@AfterEach
	void removeTheExamplesWebhooks() {
		this.state.webhooks()
			.stream()
			.filter((w) -> EXAMPLE_NAME.equals(w.get("name")))
			.map((w) -> (String) w.get("id"))
			.toList()
			.forEach(this.state::deleteWebhook);
	}

	/** A webhook the bot registered before. */
	String webhook() {
		String id = SampleOrg.id("WEBHOOK", UUID.randomUUID().toString());
		this.state.saveWebhook(id,
				Map.of("name", EXAMPLE_NAME, "targetUrl", target(), "resource", "messages", "event", "created"));
		return id;
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static HttpResponse<String> send(Example example) throws Exception {
		HttpRequest.BodyPublisher body = (example.body() != null) ? HttpRequest.BodyPublishers.ofString(example.body())
				: HttpRequest.BodyPublishers.noBody();
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(DemoTestSupport.baseUrl() + BASE + example.pathAndQuery()))
			.header("Authorization", "Bearer " + example.token())
			.header("Accept", "application/json")
			.method(example.method(), body);
		if (example.body() != null) {
			request.header("Content-Type", "application/json");
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * One request, as the bot sends it.
	 *
	 * @param method the HTTP method
	 * @param token the access token
	 * @param pathAndQuery below {@code /sim/v1}
	 * @param body a JSON body, or {@code null}
	 */
	record Example(String method, String token, String pathAndQuery, String body) {

		static Example get(String token, String pathAndQuery) {
			return new Example("GET", token, pathAndQuery, null);
		}

		static Example send(String method, String token, String pathAndQuery, String body) {
			return new Example(method, token, pathAndQuery, body);
		}

		Call call() {
			Call call = Call.of(this.method, this.pathAndQuery)
				.withHeader("Authorization", List.of("Bearer " + this.token))
				.withHeader("Accept", List.of("application/json"));
			return (this.body != null) ? call.withJsonBody(this.body) : call;
		}

	}

}
