package io.github.recordingbot.status;

import java.util.ArrayList;
import java.util.List;

import io.github.recordingbot.webhook.PreviousSecretWindow;

/**
 * The status page's section about the bot's webhooks, as Webex last listed them
 * ({@code templates/status/webhooks.html}).
 *
 * @param rows the target, the previous secret, when Webex listed the webhooks and what it
 * listed
 */
record WebhooksSection(List<Row> rows) {

	static final String PREVIOUS_SECRET = "Previous secret (WEBHOOK_SECRET_PREVIOUS)";

	static WebhooksSection of(String target, PreviousSecretWindow.Status previous, KnownWebhooks.Snapshot known) {
		List<Row> rows = new ArrayList<>();
		rows.add(Row.of("Target", target));
		rows.add(previousSecret(previous));
		if (!known.listed()) {
			rows.add(Row.of("Registered",
					(known.failedAt() != null)
							? "unknown: Webex did not answer with the bot token at " + known.failedAt()
							: "not listed yet: the bot asks Webex in the background at startup, after each "
									+ "button below and hourly",
					true));
			return new WebhooksSection(List.copyOf(rows));
		}
		rows.add(Row.of("As of",
				known.listedAt() + ((known.failedAt() != null)
						? "; Webex did not answer with the bot token at " + known.failedAt() : ""),
				known.failedAt() != null));
		if (known.webhooks().isEmpty()) {
			rows.add(Row.of("Registered", "none: press Register", true));
		}
		known.webhooks()
			.forEach((w) -> rows.add(Row.of(w.resource() + "/" + w.event(), w.status() + " → " + w.targetUrl(),
					!"active".equals(w.status()))));
		return new WebhooksSection(List.copyOf(rows));
	}

	/**
	 * Whether deliveries signed with {@code WEBHOOK_SECRET_PREVIOUS} are still accepted,
	 * and until when.
	 */
	private static Row previousSecret(PreviousSecretWindow.Status previous) {
		if (!previous.configured()) {
			return Row.of(PREVIOUS_SECRET, "not set");
		}
		if (!previous.accepted()) {
			return Row.of(PREVIOUS_SECRET, "refused since " + previous.until() + ": remove WEBHOOK_SECRET_PREVIOUS",
					true);
		}
		String registered = (previous.registered() != null)
				? "webhooks registered with WEBHOOK_SECRET at " + previous.registered()
				: "no registration since the start: press Register webhooks";
		return Row.of(PREVIOUS_SECRET, "accepted until " + previous.until() + " (" + registered + ")", true);
	}

}
