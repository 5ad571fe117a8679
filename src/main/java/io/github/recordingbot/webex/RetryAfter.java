package io.github.recordingbot.webex;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * Parses {@code Retry-After}: delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
 */
public final class RetryAfter {

	private RetryAfter() {
	}

	/**
	 * The wait the header asks for, or {@code null} when it is missing or unreadable.
	 * @param value the header value
	 * @param now the current instant, for the HTTP-date form
	 * @return the wait, never negative
	 */
	public static @Nullable Duration parse(String value, Instant now) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		if (trimmed.chars().allMatch((c) -> c >= '0' && c <= '9') && trimmed.length() <= 9) {
			return Duration.ofSeconds(Long.parseLong(trimmed));
		}
		try {
			Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration wait = Duration.between(now, at);
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
