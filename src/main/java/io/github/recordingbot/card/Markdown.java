package io.github.recordingbot.card;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Small helpers for the markdown Webex renders, in messages and in card text blocks.
 */
public final class Markdown {

	/** A list or heading marker that would start a block at the beginning of a line. */
	private static final Pattern BLOCK_MARKER = Pattern.compile("^\\s*(?:([-+#=])|[0-9]{1,9}([.)]))(?=\\s|$)");

	private Markdown() {
	}

	/**
	 * Escapes markdown control characters so that text from users or from Webex is shown
	 * as text: no link, no formatting, no list, no autolinked address.
	 * @param text the text, may be {@code null}
	 * @return the escaped text, on one line, never {@code null}
	 */
	public static String escape(@Nullable String text) {
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
			// "://" starts an autolink in Webex's markdown; an escaped colon does not.
			if ("\\`*_[]<>|~".indexOf(c) >= 0 || (c == ':' && text.startsWith("//", i + 1))) {
				out.append('\\');
			}
			out.append(c);
		}
		Matcher marker = BLOCK_MARKER.matcher(out);
		if (marker.find()) {
			out.insert((marker.start(1) >= 0) ? marker.start(1) : marker.start(2), '\\');
		}
		return out.toString();
	}

	/**
	 * A markdown link whose label is escaped and whose address cannot end the link early.
	 * @param label the text shown
	 * @param url the address, absolute
	 * @return the link
	 */
	public static String link(String label, String url) {
		StringBuilder address = new StringBuilder(url.length());
		for (int i = 0; i < url.length(); i++) {
			char c = url.charAt(i);
			switch (c) {
				case '(' -> address.append("%28");
				case ')' -> address.append("%29");
				case '<' -> address.append("%3C");
				case '>' -> address.append("%3E");
				case ' ' -> address.append("%20");
				default -> address.append(c);
			}
		}
		return "[" + escape(label) + "](" + address + ")";
	}

	/** The UTF-8 size of the text. */
	public static int bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

}
