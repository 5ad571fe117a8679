package io.github.recordingbot.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.github.recordingbot.officer.Capability;
import io.github.recordingbot.officer.OfficerCapabilities.Report;
import io.github.recordingbot.officer.OfficerCapabilities.Result;
import io.github.recordingbot.officer.OfficerCapabilities.Verdict;
import io.github.recordingbot.webex.OfficerRefusals.Refusal;

/**
 * The status page's section about what the officer authorization lets the bot do, and the
 * last officer call Webex refused ({@code templates/status/capabilities.html}).
 *
 * @param rows the verdicts and the last refusal
 * @param checkButton whether to offer the "Check now" button
 */
record CapabilitySection(List<Row> rows, boolean checkButton) {

	static final String CHECK = "/admin/officer/check";

	static CapabilitySection of(Optional<Report> report, Optional<Refusal> refusal, boolean checkButton) {
		List<Row> rows = new ArrayList<>();
		if (report.isEmpty()) {
			rows.add(Row.of("Checked", "not yet: press Check now", true));
		}
		else {
			rows.add(Row.of("Checked at", report.get().checkedAt()));
			report.get().results().forEach((r) -> rows.add(Row.of(r.capability().label(), r.summary(), isProblem(r))));
		}
		rows.add(Row.of("Last call Webex refused", refusal.map(CapabilitySection::describe).orElse("none since start"),
				refusal.filter((r) -> r.workedAgainAt() == null).isPresent()));
		return new CapabilitySection(List.copyOf(rows), checkButton);
	}

	/**
	 * A banner for the top of the page when Webex refuses what every lookup needs.
	 */
	static Optional<String> alert(Optional<Report> report) {
		return report
			.flatMap((r) -> r.results()
				.stream()
				.filter((result) -> result.verdict() == Verdict.REFUSED
						&& result.capability() != Capability.CHECK_PERSONAL_ROOMS)
				.findFirst())
			.map((result) -> "The Compliance Officer authorization cannot "
					+ result.capability().label().toLowerCase(Locale.ROOT)
					+ ": every recording request fails. See \"What the authorization can do\" below.");
	}

	private static boolean isProblem(Result result) {
		return result.verdict() != Verdict.ALLOWED;
	}

	private static String describe(Refusal refusal) {
		String meaning = (refusal.status() == 403) ? "the account lacks the role or scope for it"
				: "Webex refused the token; the bot refreshes it once and retries";
		return refusal.at() + ": " + refusal.endpoint() + " answered " + refusal.status() + " (" + meaning
				+ ((refusal.trackingId() != null) ? "; trackingId " + refusal.trackingId() : "") + ")"
				+ ((refusal.workedAgainAt() != null) ? "; the same call worked again at " + refusal.workedAgainAt()
						: "");
	}

}
