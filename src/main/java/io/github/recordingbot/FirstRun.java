package io.github.recordingbot;

import java.util.Arrays;
import java.util.Map;
import java.util.Properties;

/**
 * Decides whether a start from the command line becomes a demo: with no bot token and no
 * profile chosen, the bot runs against its built-in simulator, so that a newcomer sees it
 * work at once. Only {@code main} asks, so tests and embedded uses never switch by
 * accident.
 */
final class FirstRun {

	static final String DEMO_PROFILE = "demo";

	/** Set by Spring while it processes the application ahead of time, at build time. */
	static final String AOT_PROCESSING = "spring.aot.processing";

	private FirstRun() {
	}

	static boolean wantsDemo(Map<String, String> env, Properties system, String[] args) {
		if (Boolean.parseBoolean(system.getProperty(AOT_PROCESSING))) {
			// The build's AOT processing prepares the bean graph of a real deployment.
			return false;
		}
		boolean tokenSet = hasText(env.get("BOT_ACCESS_TOKEN")) || hasText(system.getProperty("BOT_ACCESS_TOKEN"))
				|| hasText(system.getProperty("webex.bot-access-token"))
				|| Arrays.stream(args).anyMatch((a) -> a.startsWith("--webex.bot-access-token=") && a.length() > 25);
		boolean profileChosen = hasText(env.get("SPRING_PROFILES_ACTIVE"))
				|| hasText(system.getProperty("spring.profiles.active"))
				|| Arrays.stream(args).anyMatch((a) -> a.startsWith("--spring.profiles.active="));
		return !tokenSet && !profileChosen;
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
