package io.github.recordingbot.status;

import io.github.recordingbot.webhook.PreviousSecretWindow;

/**
 * The status page's line about {@code WEBHOOK_SECRET_PREVIOUS}: whether deliveries signed
 * with it are still accepted, and until when.
 */
final class PreviousSecretRow {

	static final String NAME = "Previous secret (WEBHOOK_SECRET_PREVIOUS)";

	private PreviousSecretRow() {
	}

	static void render(StatusPage page, PreviousSecretWindow.Status previous) {
		if (!previous.configured()) {
			page.row(NAME, "not set");
			return;
		}
		if (!previous.accepted()) {
			page.row(NAME, "refused since " + previous.until() + ": remove WEBHOOK_SECRET_PREVIOUS", true);
			return;
		}
		String registered = (previous.registered() != null)
				? "webhooks registered with WEBHOOK_SECRET at " + previous.registered()
				: "no registration since the start: press Register webhooks";
		page.row(NAME, "accepted until " + previous.until() + " (" + registered + ")", true);
	}

}
