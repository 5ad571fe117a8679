package io.github.recordingbot.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.recordingbot.officer.OfficerOverview;
import io.github.recordingbot.replicas.SelfReport;
import io.github.recordingbot.websocket.WebsocketMonitor;
import io.github.recordingbot.websocket.WebsocketStatus;

import org.springframework.stereotype.Component;

/**
 * What this replica's heartbeat says about it, from what the status page knows without
 * asking Webex: the officer's authorization, the webhooks as Webex last listed them, the
 * websocket.
 */
@Component
class ReplicaSelfReport implements SelfReport {

	private final OfficerOverview officer;

	private final KnownWebhooks webhooks;

	private final WebsocketMonitor websocket;

	private final SetupCheck setup;

	ReplicaSelfReport(OfficerOverview officer, KnownWebhooks webhooks, WebsocketMonitor websocket, SetupCheck setup) {
		this.officer = officer;
		this.webhooks = webhooks;
		this.websocket = websocket;
		this.setup = setup;
	}

	@Override
	public String mode() {
		return this.setup.demo() ? "demo" : this.websocket.status().mode();
	}

	@Override
	public String health() {
		List<String> problems = new ArrayList<>();
		OfficerOverview.Status officer = this.officer.status();
		if (officer.reauthorizationNeeded()) {
			problems.add("officer must authorize again");
		}
		else if (!officer.authorized() && !officer.pastedToken()) {
			problems.add("officer not authorized");
		}
		WebsocketStatus socket = this.websocket.status();
		if (socket.state() != WebsocketStatus.State.DISABLED) {
			if (socket.state() != WebsocketStatus.State.CONNECTED) {
				problems.add("websocket " + socket.state().name().toLowerCase(Locale.ROOT));
			}
		}
		else {
			KnownWebhooks.Snapshot known = this.webhooks.last();
			if (known.listed() && known.webhooks().stream().anyMatch((w) -> "inactive".equals(w.status()))) {
				problems.add("webhook inactive");
			}
		}
		return problems.isEmpty() ? "ok" : String.join(", ", problems);
	}

}
