package io.github.recordingbot;

import java.time.Clock;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.recordingbot.access.AccessConfigStore;
import io.github.recordingbot.support.BotTestSupport;
import io.github.recordingbot.support.WebexFake;
import io.github.recordingbot.support.WebexFake.RecordingFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.recordingbot.support.BotTestSupport.WEBEX;
import static io.github.recordingbot.support.BotTestSupport.awaitReplies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A personal-room check that times out denies. It needs a short read timeout, hence its
 * own Spring context (and its own audit directory, so that two contexts never share one
 * audit file).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonalRoomTimeoutEndToEndTests {

	/** Fixtures are dated relative to this clock, never to the day the tests run. */
	@TestBean(methodName = "io.github.recordingbot.support.TestClock#clock")
	Clock clock;

	static final Path LOG_DIR = BotTestSupport.DIR.resolve("log-timeout");

	static final String ALICE = WebexFake.personId("a11ce000-0000-4000-8000-000000000001");

	static final String BOB = WebexFake.personId("b0b00000-0000-4000-8000-000000000002");

	static final String HOST = "pmr-timeout@example.com";

	static final String SERIES = "5e1ec7ed0000400080000000000000aa";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		BotTestSupport.properties(registry);
		registry.add("webex.read-timeout", () -> "1s");
		registry.add("bot.log-dir", LOG_DIR::toString);
	}

	@Value("${local.server.port}")
	int port;

	@Autowired
	AccessConfigStore config;

	@AfterEach
	void restoreConfig() {
		BotTestSupport.writeConfig(BotTestSupport.DEFAULT_CONFIG);
		this.config.reloadNow();
	}

	@Test
	void recWhenPersonalRoomCheckTimesOutThenRefusesAsUnverified() {
		WEBEX.reset();
		BotTestSupport
			.writeConfig(BotTestSupport.DEFAULT_CONFIG.replace("\"protect_pmr\": false", "\"protect_pmr\": true"));
		this.config.reloadNow();
		RecordingFixture recording = RecordingFixture.of("timeoutrec0aaaabbbb", SERIES + "_I_1", "Late",
				"2026-11-24T10:00:00Z");
		// only a series (no scheduled meeting left) needs the personal-room check
		WEBEX.seriesWithoutScheduledMeeting("123456789", HOST, SERIES, BOB, "Late");
		WEBEX.recordingList(SERIES, List.of(recording));
		WEBEX.recordingDetails(recording);
		WEBEX.server.stubFor(get(urlPathEqualTo("/v1/meetingPreferences/personalMeetingRoom")).willReturn(okJson("""
				{"topic":"PMR","hostPin":"4325","personalMeetingRoomLink":"https://example.webex.com/meet/bob",
				 "enabledAutoLock":false,"enabledNotifyHost":true,"supportCoHost":true,
				 "sipAddress":"bob@example.webex.com","dialInIpAddress":"192.168.100.100",
				 "telephony":{"accessCode":"987654321","callInNumbers":[]}}
				""").withFixedDelay(2_000)));
		String messageId = WebexFake.id("MESSAGE", "timeout-" + System.nanoTime());
		WEBEX.message(messageId, ALICE, "alice@example.com", "direct", "rec 123456789 " + HOST);
		long started = System.nanoTime();

		WebexFake.deliver(this.port, WebexFake.envelope("messages", messageId, ALICE, "alice@example.com", "direct")
			.getBytes(StandardCharsets.UTF_8), WebexFake.SECRET);

		String reply = awaitReplies(1).get(0);
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(reply).contains("cannot verify who owns").doesNotContain("https://");
		assertThat(took).isLessThan(Duration.ofSeconds(5));
		assertThat(WEBEX.calls()).noneMatch((c) -> c.getUrl().startsWith("/v1/recordings/"));
		JsonNode audit = BotTestSupport.auditLines(LOG_DIR)
			.stream()
			.filter((line) -> messageId.equals(line.path("eventId").asString(null)))
			.findFirst()
			.orElseThrow();
		assertThat(audit.get("decision").asString()).isEqualTo("denied");
		assertThat(audit.get("reason").asString()).isEqualTo("pmr_check_failed");
	}

}
