package io.github.recordingbot.status;

import java.util.ArrayList;
import java.util.List;

import io.github.recordingbot.alert.Alerts;

/**
 * The status page's section about the operator alerts: the open conditions, and when each
 * operator in config.json was last told.
 */
final class AlertSection {

	private AlertSection() {
	}

	static TableSection of(Alerts alerts) {
		Alerts.Overview overview;
		try {
			overview = alerts.overview();
		}
		catch (RuntimeException ex) {
			return new TableSection("Operator alerts",
					List.of(Row.of("Alert state", "unknown: the database did not answer", true)));
		}
		List<Row> rows = new ArrayList<>();
		if (overview.open().isEmpty()) {
			rows.add(Row.of("Open conditions", "none"));
		}
		overview.open()
			.forEach((open) -> rows.add(Row.of("Open: " + open.condition().id(),
					"since " + open.since() + " (last seen " + open.lastSeen() + ")", true)));
		if (overview.operators().isEmpty()) {
			rows.add(Row.of("Operators",
					"none: add e-mail addresses to \"operators\" in config.json to be told in Webex"));
		}
		overview.operators()
			.forEach((told) -> rows.add(Row.of("Operator " + told.operator(),
					(told.at() != null)
							? "last told " + told.at() + " (" + told.conditionId() + ", " + told.kind() + ")"
							: "not told yet")));
		return new TableSection("Operator alerts", rows);
	}

}
