package io.github.recordingbot.status;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.github.recordingbot.officer.OfficerOverview;
import io.github.recordingbot.officer.OfficerScopes;
import org.jspecify.annotations.Nullable;

/**
 * The status page's section about the Compliance Officer's authorization
 * ({@code templates/status/officer.html}).
 *
 * @param rows what is known about the authorization
 * @param authorizeLabel the label of the link to {@code /webex/authorize}, or
 * {@code null} when the integration is not configured
 */
record OfficerSection(List<Row> rows, @Nullable String authorizeLabel) {

	static OfficerSection of(OfficerOverview.Status officer) {
		List<Row> rows = new ArrayList<>();
		if (!officer.clientConfigured()) {
			rows.add(Row.of("Integration",
					"not configured: set WEBEX_INTEGRATION_CLIENT_ID and WEBEX_INTEGRATION_CLIENT_SECRET "
							+ "(https://developer.webex.com/my-apps)",
					!officer.pastedToken()));
		}
		if (officer.authorized()) {
			rows.add(Row.of("Officer", officer.officerName() + " (" + officer.officerEmail() + ")"));
			rows.add(Row.of("Authorized at", officer.authorizedAt()));
			new TreeSet<>(officer.scopes())
				.forEach((s) -> rows.add(Row.of("Granted scope " + s, OfficerScopes.whatItAllows(s))));
			rows.add(Row.of("Access token expires", officer.accessTokenExpiresAt()));
			rows.add(Row.of("Refresh token expires", (officer.refreshTokenExpiresAt() != null)
					? officer.refreshTokenExpiresAt() : "not reported by Webex"));
		}
		else {
			rows.add(Row.of("Officer", officer.reauthorizationNeeded() ? "re-authorization needed" : "not authorized",
					!officer.pastedToken()));
		}
		if (officer.lastRefreshAt() != null) {
			rows.add(Row.of("Last refresh", officer.lastRefreshAt()
					+ ((officer.lastRefreshError() == null) ? ": ok" : ": failed: " + officer.lastRefreshError()),
					officer.lastRefreshError() != null));
		}
		rows.add(Row.of("Pasted token (WEBEX_INTEGRATION_ACCESS_TOKEN)", officer.pastedToken()
				? (officer.authorized() ? "set, not used: the stored authorization wins" : "set, in use") : "not set"));
		if (officer.keyFileInUse()) {
			rows.add(Row.of("Encryption key", "generated key file in the data directory: set TOKEN_ENCRYPTION_KEY so a "
					+ "copy of the data directory alone does not reveal the tokens", true));
		}
		String authorize = officer.clientConfigured() ? (officer.authorized() ? "Authorize again" : "Authorize now")
				: null;
		return new OfficerSection(List.copyOf(rows), authorize);
	}

}
