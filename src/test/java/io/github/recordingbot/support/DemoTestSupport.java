package io.github.recordingbot.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Wiring shared by the tests that boot the bot in the {@code demo} profile against its
 * built-in simulator: one fixed free port (the demo points the bot at
 * {@code localhost:${server.port}}), one config file and one log directory for the JVM,
 * so the Spring context is cached.
 */
public final class DemoTestSupport {

	public static final int PORT = freePort();

	public static final Path DIR = tempDir();

	public static final String ADMIN_PASSWORD = "demo-admin-password";

	/**
	 * example.com approved; host-only and personal-room protection on, as in the shipped
	 * config. The per-sender limits are raised: the demo tests share one context and send
	 * many requests as the same sample people, and their order must not decide whether
	 * one is rate limited.
	 */
	public static final String CONFIG = """
			{
			  "approved_users": [],
			  "approved_domains": ["example.com"],
			  "respond_only_to_host": true,
			  "protect_pmr": true,
			  "language": "en_US",
			  "max_days_back": 30,
			  "rate_limit": {"requests_per_minute": 100000, "meetings_per_day": 100000}
			}
			""";

	private DemoTestSupport() {
	}

	public static void properties(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("bot.config-file", () -> DIR.resolve("config.json").toString());
		registry.add("bot.log-dir", () -> DIR.resolve("log").toString());
		registry.add("officer.token-storage-path", () -> DIR.resolve("data").toString());
		// the tests that count calls to Webex start right away; the check runs when asked
		registry.add("officer.check-at-startup", () -> false);
		// the webhooks are listed when a test asks (WebhookRegistration.refresh)
		registry.add("bot.list-webhooks-at-startup", () -> false);
		registry.add("bot.admin-password", () -> ADMIN_PASSWORD);
	}

	public static String baseUrl() {
		return "http://localhost:" + PORT;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path tempDir() {
		try {
			Path dir = Files.createTempDirectory("recording-bot-demo-test");
			Files.writeString(dir.resolve("config.json"), CONFIG, StandardCharsets.UTF_8);
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
