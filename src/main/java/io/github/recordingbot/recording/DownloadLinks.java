package io.github.recordingbot.recording;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Gives a temporary link a file name so that browsers save a sensible one, as the
 * original bot did: {@code …/MultiThreadDownloadServlet?…} becomes
 * {@code …/MultiThreadDownloadServlet/Topic.mp4?…}. The query, which carries Webex's
 * ticket, is left byte for byte as Webex sent it.
 */
final class DownloadLinks {

	private DownloadLinks() {
	}

	static @Nullable String withFileName(String link, String topic, String extension) {
		if (link == null || link.isBlank()) {
			return null;
		}
		int query = link.indexOf('?');
		String path = (query >= 0) ? link.substring(0, query) : link;
		String rest = (query >= 0) ? link.substring(query) : "";
		if (path.toLowerCase(Locale.ROOT).endsWith(extension)) {
			return link;
		}
		String name = ((topic == null || topic.isBlank()) ? "recording" : topic.strip()) + extension;
		String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
		return path + "/" + encoded + rest;
	}

}
