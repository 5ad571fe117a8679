package io.github.recordingbot.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.recordingbot.access.AccessConfigStore;
import io.github.recordingbot.alert.Alerts;
import io.github.recordingbot.conversation.BotIdentity;
import io.github.recordingbot.officer.OfficerCapabilities;
import io.github.recordingbot.officer.OfficerOverview;
import io.github.recordingbot.replicas.Heartbeats;
import io.github.recordingbot.webex.OfficerRefusals;
import io.github.recordingbot.webex.ProxyFailures;
import io.github.recordingbot.webhook.WebhookProperties;
import io.github.recordingbot.websocket.WebsocketMonitor;
import io.github.recordingbot.websocket.WebsocketStatus;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /}: the operator's status page ({@code templates/status/page.html}), plain
 * server-rendered HTML that reads well on a phone. Reading it changes nothing and asks
 * Webex nothing; the buttons POST to {@link AdminController}.
 */
@Controller
class StatusController {

	private final SetupCheck setup;

	private final BotIdentity identity;

	private final WebhookProperties webhook;

	private final OfficerOverview officer;

	private final WebhookRegistration webhooks;

	private final AccessConfigStore config;

	private final MeterRegistry meters;

	private final WebsocketMonitor websocket;

	private final OfficerCapabilities capabilities;

	private final OfficerRefusals refusals;

	private final ProxyFailures proxy;

	private final Clock clock;

	private final Instant started;

	private final Alerts alerts;

	private final Heartbeats heartbeats;

	StatusController(SetupCheck setup, BotIdentity identity, WebhookProperties webhook, OfficerOverview officer,
			WebhookRegistration webhooks, AccessConfigStore config, MeterRegistry meters, WebsocketMonitor websocket,
			OfficerCapabilities capabilities, OfficerRefusals refusals, ProxyFailures proxy, Clock clock, Alerts alerts,
			Heartbeats heartbeats) {
		this.alerts = alerts;
		this.heartbeats = heartbeats;
		this.websocket = websocket;
		this.proxy = proxy;
		this.capabilities = capabilities;
		this.refusals = refusals;
		this.setup = setup;
		this.identity = identity;
		this.webhook = webhook;
		this.officer = officer;
		this.webhooks = webhooks;
		this.config = config;
		this.meters = meters;
		this.clock = clock;
		this.started = clock.instant();
	}

	/**
	 * Renders what is known now; asks Webex nothing (the webhooks are listed in the
	 * background).
	 */
	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	String status(Model model) {
		OfficerOverview.Status officer = this.officer.status();
		List<String> alerts = new ArrayList<>();
		if (officer.reauthorizationNeeded()) {
			alerts.add("Webex refused the Compliance Officer's authorization. Recording lookups are paused until the "
					+ "officer authorizes again at /webex/authorize.");
		}
		CapabilitySection.alert(this.capabilities.last()).ifPresent(alerts::add);
		if (!this.webhook.hasSecret()) {
			alerts.add("POST /webhook answers 401 to every delivery because WEBHOOK_SECRET is not set.");
		}
		model.addAttribute("status",
				new StatusView(alerts, bot(), ReplicasSection.of(this.heartbeats, this.clock.instant()), settings(),
						OfficerSection.of(officer),
						CapabilitySection.of(this.capabilities.last(), this.refusals.last(), true), WebhooksSection
							.of(this.webhooks.target(), this.webhooks.previousSecret(), this.webhooks.known()),
						config(), AlertSection.of(this.alerts), requests()));
		return "status/page";
	}

	private TableSection bot() {
		List<Row> rows = new ArrayList<>();
		rows.add(Row.of("Identity",
				this.identity.person()
					.map((p) -> p.displayName() + " (" + p.primaryEmail() + ")")
					.orElse("unknown: the bot token is missing or Webex did not answer")));
		rows.add(Row.of("Uptime", uptime(Duration.between(this.started, this.clock.instant()))));
		if (this.setup.demo()) {
			rows.add(
					Row.of("Mode", "demo: the built-in Webex simulator answers every Webex call; chat at /demo", true));
		}
		WebsocketStatus socket = this.websocket.status();
		rows.add(Row.of("Transport",
				"websocket".equals(socket.mode()) ? "websocket (Webex Mercury)" : "webhook (POST /webhook)"));
		if (socket.state() != WebsocketStatus.State.DISABLED) {
			rows.add(Row.of("Websocket", socket.describe(), !socket.healthy()));
			rows.add(Row.of("Connected since", socket.connectedSince()));
			rows.add(Row.of("Reconnects", socket.reconnects()));
			rows.add(Row.of("Last frame", socket.lastFrame()));
			if (socket.lastClose() != null) {
				rows.add(Row.of("Last close", socket.lastClose()));
			}
		}
		return new TableSection("Bot", rows);
	}

	private TableSection settings() {
		List<Row> rows = new ArrayList<>(this.setup.settings()
			.stream()
			.map((s) -> Row.of(s.name(), s.present() ? "present" : "missing: " + s.howToGet(), !s.present()))
			.toList());
		// e.g. "proxy: proxy.corp:3128, with credentials", never the credentials
		rows.add(Row.of("Outbound proxy",
				this.proxy.settings().describe()
						+ this.proxy.last().map((f) -> "; last failure: " + f.describe()).orElse(""),
				this.proxy.last().isPresent()));
		return new TableSection("Webex settings", rows);
	}

	private TableSection config() {
		AccessConfigStore.ReloadStatus file = this.config.status();
		List<Row> rows = new ArrayList<>();
		rows.add(Row.of("Path", file.path()));
		rows.add(Row.of("Approved users / domains", file.approvedUsers() + " / " + file.approvedDomains()));
		rows.add(Row.of("Last reload",
				file.lastAttempt() + (file.loadedOk() ? ": ok" : ": failed: " + file.lastError()), !file.loadedOk()));
		rows.add(Row.of("Last good load", file.lastSuccess()));
		file.warnings().forEach((w) -> rows.add(Row.of("Warning", w, true)));
		return new TableSection("Config file", rows);
	}

	private TableSection requests() {
		List<Timer> timers = this.meters.find("bot.requests").timers().stream().toList();
		List<Row> rows = timers.isEmpty() ? List.of(Row.of("Requests", 0))
				: timers.stream().map((t) -> Row.of(t.getId().getTag("decision"), t.count())).toList();
		return new TableSection("Requests since start, by outcome", rows);
	}

	static String uptime(Duration uptime) {
		long days = uptime.toDays();
		return ((days > 0) ? days + " d " : "") + uptime.toHoursPart() + " h " + uptime.toMinutesPart() + " min";
	}

}
