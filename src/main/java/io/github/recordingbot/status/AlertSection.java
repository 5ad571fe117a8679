package io.github.recordingbot.status;

import io.github.recordingbot.alert.Alerts;

/**
 * The status page's section about the operator alerts: the open conditions, and when each
 * operator in config.json was last told.
 */
final class AlertSection {

	private AlertSection() {
	}

	static void render(StatusPage page, Alerts alerts) {
		page.section("Operator alerts");
		Alerts.Overview overview;
		try {
			overview = alerts.overview();
		}
		catch (RuntimeException ex) {
			page.row("Alert state", "unknown: the database did not answer", true);
			return;
		}
		if (overview.open().isEmpty()) {
			page.row("Open conditions", "none");
		}
		overview.open()
			.forEach((open) -> page.row("Open: " + open.condition().id(),
					"since " + open.since() + " (last seen " + open.lastSeen() + ")", true));
		if (overview.operators().isEmpty()) {
			page.row("Operators", "none: add e-mail addresses to \"operators\" in config.json to be told in Webex");
		}
		overview.operators()
			.forEach((told) -> page.row("Operator " + told.operator(),
					(told.at() != null)
							? "last told " + told.at() + " (" + told.conditionId() + ", " + told.kind() + ")"
							: "not told yet"));
	}

}
