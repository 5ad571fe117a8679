package io.github.recordingbot.status;

import java.util.List;

/**
 * What {@code templates/status/page.html} shows, top to bottom. A section is one record
 * here and one fragment {@code templates/status/<name>.html :: section (view)}.
 *
 * @param alerts banners for the top of the page
 * @param bot the bot itself and its transport
 * @param replicas the replicas sharing the database, from their heartbeats
 * @param settings which Webex settings are present
 * @param officer the Compliance Officer's authorization
 * @param capabilities what that authorization lets the bot do
 * @param webhooks the bot's webhooks as Webex last listed them
 * @param config the config file
 * @param operatorAlerts the open operator-alert conditions and who was told when
 * @param requests requests since start, by outcome
 */
record StatusView(List<String> alerts, TableSection bot, ReplicasSection replicas, TableSection settings,
		OfficerSection officer, CapabilitySection capabilities, WebhooksSection webhooks, TableSection config,
		TableSection operatorAlerts, TableSection requests) {

	StatusView {
		alerts = List.copyOf(alerts);
	}

}
