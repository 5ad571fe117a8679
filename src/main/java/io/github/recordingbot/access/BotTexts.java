package io.github.recordingbot.access;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Every user-facing sentence, from {@code messages*.properties} in the language of
 * {@code config.json}.
 */
@Component
public class BotTexts {

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

}
