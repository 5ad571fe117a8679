package io.github.recordingbot.officer;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.web.util.HtmlUtils;

/**
 * The small self-contained HTML page the authorization flow answers with: everything
 * escaped, no third-party resources (nothing may leak the URL through a Referer).
 */
final class AuthorizationPage {

	private AuthorizationPage() {
	}

	static String html(String title, String text) {
		return html(title, text, List.of());
	}

	static String html(String title, String text, List<Section> sections) {
		String t = HtmlUtils.htmlEscape(title);
		StringBuilder body = new StringBuilder();
		for (Section section : sections) {
			body.append("<h2>").append(HtmlUtils.htmlEscape(section.heading())).append("</h2><ul>");
			section.items().forEach((i) -> body.append("<li>").append(HtmlUtils.htmlEscape(i)).append("</li>"));
			body.append("</ul>");
		}
		return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + t + "</title>"
				+ "<style>body{font-family:system-ui,sans-serif;margin:1rem;max-width:40rem}</style></head><body>"
				+ "<h1 id=\"title\">" + t + "</h1><p id=\"message\">" + HtmlUtils.htmlEscape(text) + "</p>" + body
				+ "<p><a href=\"/\">Status page</a></p></body></html>";
	}

	/**
	 * What the Compliance Officer should see after authorizing: each granted scope with
	 * what it lets the bot do, and the capability check's verdicts.
	 */
	static List<Section> whatItAllows(Set<String> granted, OfficerCapabilities.Report report) {
		List<String> scopes = new TreeSet<>(granted).stream()
			.map((s) -> s + ": " + OfficerScopes.whatItAllows(s))
			.toList();
		List<String> capabilities = report.results()
			.stream()
			.map((r) -> r.capability().label() + ": " + r.summary())
			.toList();
		return List.of(new Section("Scopes Webex granted", scopes), new Section("What the bot can do", capabilities));
	}

	/**
	 * A heading and a list under it.
	 *
	 * @param heading the heading
	 * @param items the list
	 */
	record Section(String heading, List<String> items) {
	}

}
