package io.github.recordingbot.webex;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Reads the {@code rel="next"} link of an RFC 8288 {@code Link} header.
 *
 * <p>
 * Webex has sent next links with {@code max=null}; the original {@code max} is put back.
 * A next link to another host than the API base is not followed, so the token never
 * leaves.
 *
 * @see <a href="https://developer.webex.com/docs/basics#pagination">Webex pagination</a>
 */
final class LinkHeader {

	private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?next\"?");

	private LinkHeader() {
	}

	static @Nullable URI next(List<String> headers, URI apiBase, URI first) {
		if (headers == null) {
			return null;
		}
		for (String header : headers) {
			Matcher matcher = LINK.matcher(header);
			if (matcher.find()) {
				URI next;
				try {
					next = URI.create(matcher.group(1));
				}
				catch (IllegalArgumentException ex) {
					return null;
				}
				if (!sameOrigin(next, apiBase)) {
					return null;
				}
				return fixMax(next, first);
			}
		}
		return null;
	}

	private static boolean sameOrigin(URI next, URI apiBase) {
		return next.getScheme() != null && next.getScheme().equalsIgnoreCase(apiBase.getScheme())
				&& next.getHost() != null && next.getHost().equalsIgnoreCase(apiBase.getHost())
				&& port(next) == port(apiBase);
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	private static URI fixMax(URI next, URI first) {
		String query = next.getRawQuery();
		if (query == null || !query.contains("max=null")) {
			return next;
		}
		String max = UriComponentsBuilder.fromUri(first).build().getQueryParams().getFirst("max");
		return UriComponentsBuilder.fromUri(next)
			.replaceQueryParam("max", (max != null) ? max : "100")
			.build(true)
			.toUri();
	}

}
