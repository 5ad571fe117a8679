package io.github.recordingbot.texts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.github.recordingbot.access.AccessRules;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Every user-facing sentence, from {@code messages*.properties} in the language of
 * {@code config.json}.
 */
@Component
public class BotTexts {

	private static final DateTimeFormatter UTC_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final MessageSource messages;

	private final AccessRules rules;

	public BotTexts(MessageSource messages, AccessRules rules) {
		this.messages = messages;
		this.rules = rules;
	}

	/**
	 * The text for the key in the configured language.
	 * @param key the message key
	 * @param args arguments of the message
	 * @return the text
	 */
	public String get(String key, Object... args) {
		return this.messages.getMessage(key, args, this.rules.current().locale());
	}

	/**
	 * A time as every text shows it, in both languages: {@code 2026-11-25 12:00 UTC}.
	 * @param instant the time
	 * @return the text
	 */
	public static String utc(Instant instant) {
		return UTC_MINUTES.format(instant);
	}

}
