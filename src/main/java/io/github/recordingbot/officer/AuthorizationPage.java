package io.github.recordingbot.officer;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the authorization flow answers with
 * ({@code templates/officer/authorization.html}): a title, a message and lists. The
 * template escapes every value; the page loads nothing from a third party, so nothing can
 * leak its URL through a Referer.
 *
 * @param title what happened, in a few words
 * @param message what happened and what to do next
 * @param sections lists under it
 */
record AuthorizationPage(String title, String message, List<Section> sections) {

	AuthorizationPage {
		sections = List.copyOf(sections);
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
