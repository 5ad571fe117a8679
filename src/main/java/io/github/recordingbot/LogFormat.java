package io.github.recordingbot;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code LOG_FORMAT=json} ({@code bot.log-format}) into Spring Boot's structured
 * console logging before the logging system starts: {@code json} means Elastic Common
 * Schema; {@code ecs}, {@code logstash} and {@code gelf} pick that format; anything else
 * keeps plain text.
 */
class LogFormat implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY = "logging.structured.format.console";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty(PROPERTY)) {
			return;
		}
		String format = structuredFormat(environment.getProperty("bot.log-format"));
		if (format != null) {
			environment.getPropertySources().addLast(new MapPropertySource("botLogFormat", Map.of(PROPERTY, format)));
		}
	}

	static @Nullable String structuredFormat(@Nullable String logFormat) {
		if (logFormat == null) {
			return null;
		}
		return switch (logFormat.trim().toLowerCase(Locale.ROOT)) {
			case "json", "ecs" -> "ecs";
			case "logstash" -> "logstash";
			case "gelf" -> "gelf";
			default -> null;
		};
	}

	@Override
	public int getOrder() {
		// After the config files are read, so that the mapping of LOG_FORMAT in
		// application.properties counts.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
