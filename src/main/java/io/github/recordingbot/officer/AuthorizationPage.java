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
	 * The error codes of an authorization response (RFC 6749, section 4.1.2.1), each with
	 * a fixed text; anything else is {@link #UNKNOWN}.
	 *
	 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1">RFC 6749,
	 * 4.1.2.1 Error Response</a>
	 */
	enum OAuthError {

		ACCESS_DENIED("access_denied", "The Compliance Officer declined, or may not grant what the bot asks for."),

		INVALID_REQUEST("invalid_request", "Webex found the authorization request invalid."),

		UNAUTHORIZED_CLIENT("unauthorized_client", "Webex does not let this integration ask for authorization."),

		UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type",
				"Webex does not support the kind of answer the bot asked for."),

		INVALID_SCOPE("invalid_scope", "Webex refused the scopes the bot asked for."),

		SERVER_ERROR("server_error", "Webex had an internal error."),

		TEMPORARILY_UNAVAILABLE("temporarily_unavailable", "Webex is temporarily unavailable."),

		UNKNOWN("unknown", "Webex answered with an error.");

		private final String code;

		private final String text;

		OAuthError(String code, String text) {
			this.code = code;
			this.text = text;
		}

		static OAuthError of(String code) {
			for (OAuthError error : values()) {
				if (error != UNKNOWN && error.code.equals(code)) {
					return error;
				}
			}
			return UNKNOWN;
		}

		String code() {
			return this.code;
		}

		/** The fixed text, with the code when it is a known one. */
		String text() {
			return (this == UNKNOWN) ? this.text : this.text + " (" + this.code + ")";
		}

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
