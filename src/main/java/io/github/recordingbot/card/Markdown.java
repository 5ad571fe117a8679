package io.github.recordingbot.card;

import java.nio.charset.StandardCharsets;

/**
 * Small helpers for the markdown Webex renders.
 */
public final class Markdown {

	private Markdown() {
	}

	/**
	 * Escapes markdown control characters so that text from users or from Webex is shown
	 * as text.
	 * @param text the text, may be {@code null}
	 * @return the escaped text, never {@code null}
	 */
	public static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\r' || c == '\n') {
				out.append(' ');
				continue;
			}
			if ("\\`*_[]<>|~".indexOf(c) >= 0) {
				out.append('\\');
			}
			out.append(c);
		}
		return out.toString();
	}

	/** The UTF-8 size of the text. */
	public static int bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

}
