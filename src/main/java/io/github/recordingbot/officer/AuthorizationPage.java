package io.github.recordingbot.officer;

import org.springframework.web.util.HtmlUtils;

/**
 * The small self-contained HTML page the authorization flow answers with: everything
 * escaped, no third-party resources (nothing may leak the URL through a Referer).
 */
final class AuthorizationPage {

	private AuthorizationPage() {
	}

	static String html(String title, String text) {
		String t = HtmlUtils.htmlEscape(title);
		return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + t + "</title>"
				+ "<style>body{font-family:system-ui,sans-serif;margin:1rem;max-width:40rem}</style></head><body>"
				+ "<h1 id=\"title\">" + t + "</h1><p id=\"message\">" + HtmlUtils.htmlEscape(text) + "</p>"
				+ "<p><a href=\"/\">Status page</a></p></body></html>";
	}

}
