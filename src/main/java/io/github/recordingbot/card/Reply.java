package io.github.recordingbot.card;

import org.jspecify.annotations.Nullable;

/**
 * What the bot posts: markdown for every client, and an optional card for those that
 * render one.
 *
 * @param markdown the text, under Webex's 7439-byte limit
 * @param card the card, or {@code null}
 */
public record Reply(String markdown, @Nullable AdaptiveCard card) {

	/** Webex's limit for {@code text} and {@code markdown}. */
	public static final int MAX_MARKDOWN_BYTES = 7439;

	public static Reply text(String markdown) {
		return new Reply(markdown, null);
	}

}
