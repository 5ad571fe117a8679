package io.github.recordingbot.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.DynamicPropertyRegistry;

import static org.awaitility.Awaitility.await;

/**
 * Wiring shared by the tests that boot the whole bot against {@link WebexFake}: one fake
 * Webex, one config file and one log directory for the JVM, so the Spring context is
 * cached across test classes.
 */
public final class BotTestSupport {

	public static final WebexFake WEBEX = new WebexFake().start();

	public static final Path DIR = tempDir();

	public static final Path CONFIG = DIR.resolve("config.json");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The rules most tests run with: example.com approved, host-only and personal-room
	 * checks off, rate limits high enough that tests sharing one context and one sender
	 * never meet them.
	 */
	public static final String DEFAULT_CONFIG = """
			{
			  "approved_users": ["outsider@partner.org"],
			  "approved_domains": ["example.com"],
			  "respond_only_to_host": false,
			  "protect_pmr": false,
			  "language": "en_US",
			  "rate_limit": {"requests_per_minute": 100000, "meetings_per_day": 100000}
			}
			""";

	/**
	 * What Webex grants a Compliance Officer who is not an admin: no admin meeting scope.
	 */
	public static final String COMPLIANCE_OFFICER_SCOPES = "spark-compliance:meetings_read,spark:people_read";

	private BotTestSupport() {
	}

	public static void properties(DynamicPropertyRegistry registry) {
		registry.add("webex.api-base-url", WEBEX::baseUrl);
		registry.add("webex.bot-access-token", () -> WebexFake.BOT_TOKEN);
		registry.add("webex.integration-access-token", () -> WebexFake.OFFICER_TOKEN);
		registry.add("webhook.secret", () -> WebexFake.SECRET);
		registry.add("bot.public-base-url", () -> "https://bot.example.com");
		registry.add("bot.config-file", CONFIG::toString);
		registry.add("bot.log-dir", () -> DIR.resolve("log").toString());
		registry.add("bot.admin-password", () -> "test-admin-password");
		registry.add("officer.token-storage-path", () -> DIR.resolve("data").toString());
		// the tests that count calls to Webex start right away; the check runs when asked
		registry.add("officer.check-at-startup", () -> false);
		// the hourly webhook check would count among a test's Webex calls
		registry.add("webhook.reactivation-delay", () -> "P1D");
		// the webhooks are listed when a test asks (WebhookRegistration.refresh)
		registry.add("bot.list-webhooks-at-startup", () -> false);
	}

	/** Writes the config file; the caller reloads the store. */
	public static void writeConfig(String json) {
		try {
			Files.writeString(CONFIG, json, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Asserts that the bot calls Webex not once during the given time (a condition held,
	 * not a sleep: it fails as soon as a call arrives).
	 */
	public static void assertNoWebexCallDuring(Duration duration) {
		await().during(duration).atMost(duration.plusSeconds(5)).until(() -> WEBEX.calls().isEmpty());
	}

	/**
	 * Asserts that the bot posts no more than this many replies during the given time.
	 */
	public static void assertRepliesStayAt(int count, Duration duration) {
		await().during(duration).atMost(duration.plusSeconds(5)).until(() -> WEBEX.replies().size() == count);
	}

	/** Waits until the bot has posted this many replies, and returns them. */
	public static List<String> awaitReplies(int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> WEBEX.replies().size() >= count);
		return WEBEX.replies();
	}

	/**
	 * Every line of the audit files (active and rotated) of the bot under test, parsed.
	 */
	public static List<JsonNode> auditLines() {
		return auditLines(DIR.resolve("log"));
	}

	/** Every line of the audit files (active and rotated) in a log directory, parsed. */
	public static List<JsonNode> auditLines(Path logDir) {
		if (!Files.isDirectory(logDir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(logDir)) {
			List<Path> audit = files.filter((f) -> f.getFileName().toString().matches("audit.*\\.jsonl"))
				.sorted()
				.toList();
			List<JsonNode> lines = new ArrayList<>();
			for (Path file : audit) {
				for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
					lines.add(JSON.readTree(line));
				}
			}
			return lines;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The one audit line written for a Webex event id; fails unless there is exactly one.
	 */
	public static JsonNode auditLine(String eventId) {
		List<JsonNode> lines = auditLines().stream()
			.filter((line) -> eventId.equals(line.path("eventId").asString(null)))
			.toList();
		if (lines.size() != 1) {
			throw new AssertionError("Expected one audit line for " + eventId + ", found " + lines.size());
		}
		return lines.get(0);
	}

	private static Path tempDir() {
		try {
			Path dir = Files.createTempDirectory("recording-bot-test");
			Files.writeString(dir.resolve("config.json"), DEFAULT_CONFIG, StandardCharsets.UTF_8);
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
