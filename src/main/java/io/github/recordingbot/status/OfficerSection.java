package io.github.recordingbot.status;

import io.github.recordingbot.officer.OfficerOverview;
import io.github.recordingbot.officer.OfficerScopes;

/**
 * The status page's section about the Compliance Officer's authorization.
 */
final class OfficerSection {

	private OfficerSection() {
	}

	static void render(StatusPage page, OfficerOverview.Status officer) {
		page.section("Compliance Officer authorization");
		if (!officer.clientConfigured()) {
			page.row("Integration",
					"not configured: set WEBEX_INTEGRATION_CLIENT_ID and WEBEX_INTEGRATION_CLIENT_SECRET "
							+ "(https://developer.webex.com/my-apps)",
					!officer.pastedToken());
		}
		if (officer.authorized()) {
			page.row("Officer", officer.officerName() + " (" + officer.officerEmail() + ")");
			page.row("Authorized at", officer.authorizedAt());
			new java.util.TreeSet<>(officer.scopes())
				.forEach((s) -> page.row("Granted scope " + s, OfficerScopes.whatItAllows(s)));
			page.row("Access token expires", officer.accessTokenExpiresAt());
			page.row("Refresh token expires", (officer.refreshTokenExpiresAt() != null)
					? officer.refreshTokenExpiresAt() : "not reported by Webex");
		}
		else {
			page.row("Officer", officer.reauthorizationNeeded() ? "re-authorization needed" : "not authorized",
					!officer.pastedToken());
		}
		if (officer.lastRefreshAt() != null) {
			page.row("Last refresh", officer.lastRefreshAt()
					+ ((officer.lastRefreshError() == null) ? ": ok" : ": failed: " + officer.lastRefreshError()),
					officer.lastRefreshError() != null);
		}
		page.row("Pasted token (WEBEX_INTEGRATION_ACCESS_TOKEN)", officer.pastedToken()
				? (officer.authorized() ? "set, not used: the stored authorization wins" : "set, in use") : "not set");
		if (officer.keyFileInUse()) {
			page.row("Encryption key", "generated key file in the data directory: set TOKEN_ENCRYPTION_KEY so a copy "
					+ "of the data directory alone does not reveal the tokens", true);
		}
		if (officer.clientConfigured()) {
			page.link("/webex/authorize", officer.authorized() ? "Authorize again" : "Authorize now");
		}
	}

}
