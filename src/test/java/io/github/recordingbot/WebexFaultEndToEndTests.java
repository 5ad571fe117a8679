package io.github.recordingbot;

import java.time.Clock;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.recordingbot.access.AccessConfigStore;
import io.github.recordingbot.support.BotTestSupport;
import io.github.recordingbot.support.WebexFake;
import io.github.recordingbot.support.WebexFake.RecordingFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.github.recordingbot.support.BotTestSupport.WEBEX;
import static io.github.recordingbot.support.BotTestSupport.awaitReplies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A slow, rate-limiting or failing Webex seen from the user's side: an honest reply, one
 * audit line saying {@code upstream_error}, and a webhook that keeps answering fast.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebexFaultEndToEndTests {

	/** Fixtures are dated relative to this clock, never to the day the tests run. */
	@TestBean(methodName = "io.github.recordingbot.support.TestClock#clock")
	Clock clock;

	static final String ALICE = WebexFake.personId("a11ce000-0000-4000-8000-0000000000f1");

	static final String ALICE_EMAIL = "alice@example.com";

	static final String SERIES = "5e7e5f00287b41be84648412901e0402";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		BotTestSupport.properties(registry);
		// Real sleeps here; keep the backoff tiny so the tests stay fast.
		registry.add("webex.retry-backoff", () -> "1ms");
		registry.add("webex.retry-backoff-max", () -> "5ms");
	}

	@Value("${local.server.port}")
	int port;

	@Autowired
	AccessConfigStore config;

	@BeforeEach
	void resetWebex() {
		WEBEX.reset();
		BotTestSupport.writeConfig(BotTestSupport.DEFAULT_CONFIG);
		this.config.reloadNow();
	}

	@Test
	void recWhenWebexAsksToWaitAnHourThenBusyReplyAtOnceAndUpstreamErrorAudit() {
		String messageId = stubRecMessage("an-hour");
		WEBEX.server.stubFor(get(urlPathEqualTo("/v1/admin/meetings"))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

		deliver(messageId);

		assertThat(awaitReplies(1).get(0)).contains("Webex is busy right now").doesNotContain("https://");
		assertThat(callsTo("/v1/admin/meetings")).isEqualTo(1);
		assertThat(auditLine(messageId)).contains("\"decision\":\"upstream_error\"").contains("upstream_429");
	}

	@Test
	void recWhenRecordingListFailsEveryTimeThenFourCallsAndWebexDownReply() {
		String messageId = stubRecMessage("list-500");
		WEBEX.meetingSeries("123456789", ALICE_EMAIL, SERIES, ALICE, "Planning");
		WEBEX.failWith("/v1/admin/recordings", 500);

		deliver(messageId);

		assertThat(awaitReplies(1).get(0)).contains("Webex is not answering, try again in a minute")
			.doesNotContain("https://");
		assertThat(callsTo("/v1/admin/recordings")).isEqualTo(4);
		assertThat(auditLine(messageId)).contains("\"decision\":\"upstream_error\"").contains("upstream_500");
	}

	@Test
	void recWhenMeetingsAreUnavailableThreeTimesThenTheFourthCallGivesTheLinks() {
		String messageId = stubRecMessage("503-thrice");
		WEBEX.meetingSeries("123456789", ALICE_EMAIL, SERIES, ALICE, "Planning");
		String state = Scenario.STARTED;
		for (int i = 1; i <= 3; i++) {
			WEBEX.server.stubFor(get(urlPathEqualTo("/v1/admin/meetings")).atPriority(1)
				.inScenario("503")
				.whenScenarioStateIs(state)
				.willReturn(aResponse().withStatus(503))
				.willSetStateTo("failed " + i));
			state = "failed " + i;
		}
		RecordingFixture recording = RecordingFixture.of("r503aaaabbbbccccdddd", SERIES + "_I_1", "Planning",
				"2026-11-24T10:00:00Z");
		WEBEX.recordingList(SERIES, List.of(recording));
		WEBEX.recordingDetails(recording);

		deliver(messageId);

		assertThat(awaitReplies(1).get(0)).contains(recording.id());
		assertThat(callsTo("/v1/admin/meetings")).isEqualTo(4);
		assertThat(auditLine(messageId)).contains("\"decision\":\"permitted\"");
	}

	@Test
	void recWhenDetailsCarryNoTemporaryLinksThenSaysSoInsteadOfFailing() {
		String messageId = stubRecMessage("no-links");
		WEBEX.meetingSeries("123456789", ALICE_EMAIL, SERIES, ALICE, "Planning");
		RecordingFixture recording = RecordingFixture.of("nolinksaaaabbbbcccc", SERIES + "_I_2", "Planning",
				"2026-11-24T10:00:00Z");
		WEBEX.recordingList(SERIES, List.of(recording));
		WEBEX.recordingDetailsWithoutLinks(recording);

		deliver(messageId);

		assertThat(awaitReplies(1).get(0)).contains("no download link available").doesNotContain("nbr/");
	}

	@Test
	void recWhenRecordingListLinksToItselfForeverThenStopsAtThePageCapAndReplies() {
		String messageId = stubRecMessage("link-loop");
		WEBEX.meetingSeries("123456789", ALICE_EMAIL, SERIES, ALICE, "Planning");
		WEBEX.server
			.stubFor(get(urlPathEqualTo("/v1/admin/recordings")).willReturn(okJson("{\"items\":[]}").withHeader("Link",
					"<" + WEBEX.baseUrl() + "/admin/recordings?meetingId=" + SERIES + "&max=100>; rel=\"next\"")));

		deliver(messageId);

		assertThat(awaitReplies(1).get(0)).contains("No recordings");
		assertThat(callsTo("/v1/admin/recordings")).isEqualTo(10);
	}

	@Test
	void replyPostWhenConnectionIsResetThenPostedOnceAndTheAuditIsWritten() {
		String messageId = WebexFake.id("MESSAGE", "post-reset-" + System.nanoTime());
		WEBEX.message(messageId, ALICE, ALICE_EMAIL, "direct", "help");
		WEBEX.server.stubFor(post("/v1/messages").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		deliver(messageId);

		assertThat(auditLine(messageId)).contains("\"command\":\"help\"");
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> WEBEX.replies().size() == 1);
	}

	@Test
	void webhookStaysFastWhileWebexTakesTenSecondsAndTheWorkCompletesLater() {
		WEBEX.server.stubFor(get(urlPathMatching("/v1/messages/slow-.*")).willReturn(okJson("""
				{"id":"slow","roomId":"%s","roomType":"direct","text":"help","personId":"%s",
				 "personEmail":"%s","created":"2026-11-25T11:59:59.000Z"}
				""".formatted(WebexFake.roomId(ALICE), ALICE, ALICE_EMAIL)).withFixedDelay(10_000)));
		List<Long> acks = new ArrayList<>();
		String run = Long.toHexString(System.nanoTime());

		for (int i = 0; i < 16; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = deliver("slow-" + run + "-" + i);
			acks.add((System.nanoTime() - start) / 1_000_000);
			assertThat(response.statusCode()).isEqualTo(200);
		}

		Collections.sort(acks);
		assertThat(acks.get(acks.size() - 1)).as("slowest of %s ms", acks).isLessThan(500);
		assertThat(WEBEX.replies()).isEmpty();
		await().atMost(Duration.ofSeconds(30)).until(() -> WEBEX.replies().size() == 16);
	}

	// helpers
	// -----------------------------------------------------------------------------------

	String stubRecMessage(String name) {
		String messageId = WebexFake.id("MESSAGE", name + "-" + System.nanoTime());
		WEBEX.message(messageId, ALICE, ALICE_EMAIL, "direct", "rec 123456789");
		return messageId;
	}

	HttpResponse<String> deliver(String messageId) {
		byte[] body = WebexFake.envelope("messages", messageId, ALICE, ALICE_EMAIL, "direct")
			.getBytes(StandardCharsets.UTF_8);
		return WebexFake.deliver(this.port, body, WebexFake.SECRET);
	}

	static long callsTo(String path) {
		return WEBEX.calls().stream().filter((c) -> c.getUrl().split("\\?")[0].equals(path)).count();
	}

	static String auditLine(String eventId) {
		Path audit = BotTestSupport.DIR.resolve("log").resolve("audit.jsonl");
		List<String> found = new ArrayList<>();
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			found.clear();
			if (Files.exists(audit)) {
				try {
					Files.readAllLines(audit).stream().filter((l) -> l.contains(eventId)).forEach(found::add);
				}
				catch (IOException ex) {
					return false;
				}
			}
			return !found.isEmpty();
		});
		assertThat(found).hasSize(1);
		return found.get(0);
	}

}
