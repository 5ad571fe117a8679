package io.github.recordingbot.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.recordingbot.access.AccessConfigStore;
import io.github.recordingbot.alert.Alerts;
import io.github.recordingbot.conversation.BotIdentity;
import io.github.recordingbot.officer.OfficerCapabilities;
import io.github.recordingbot.officer.OfficerOverview;
import io.github.recordingbot.webex.OfficerRefusals;
import io.github.recordingbot.webex.ProxyFailures;
import io.github.recordingbot.webex.WebexModels.Webhook;
import io.github.recordingbot.webhook.WebhookProperties;
import io.github.recordingbot.websocket.WebsocketMonitor;
import io.github.recordingbot.websocket.WebsocketStatus;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /}: the operator's status page, plain server-rendered HTML that reads well
 * on a phone. Reading it changes nothing; the buttons POST to {@link AdminController}.
 */
@RestController
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

	StatusController(SetupCheck setup, BotIdentity identity, WebhookProperties webhook, OfficerOverview officer,
			WebhookRegistration webhooks, AccessConfigStore config, MeterRegistry meters, WebsocketMonitor websocket,
			OfficerCapabilities capabilities, OfficerRefusals refusals, ProxyFailures proxy, Clock clock,
			Alerts alerts) {
		this.alerts = alerts;
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

	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	String status(CsrfToken csrf) {
		StatusPage page = new StatusPage("Webex Recording Bot");
		OfficerOverview.Status officer = this.officer.status();
		if (officer.reauthorizationNeeded()) {
			page.alert("Webex refused the Compliance Officer's authorization. Recording lookups are paused until the "
					+ "officer authorizes again at /webex/authorize.");
		}
		CapabilitySection.alert(this.capabilities.last()).ifPresent(page::alert);
		page.section("Bot");
		page.row("Identity",
				this.identity.person()
					.map((p) -> p.displayName() + " (" + p.primaryEmail() + ")")
					.orElse("unknown: the bot token is missing or Webex did not answer"));
		page.row("Uptime", uptime(Duration.between(this.started, this.clock.instant())));
		if (this.setup.demo()) {
			page.row("Mode", "demo: the built-in Webex simulator answers every Webex call; chat at /demo", true);
		}
		WebsocketStatus socket = this.websocket.status();
		page.row("Transport",
				"websocket".equals(socket.mode()) ? "websocket (Webex Mercury)" : "webhook (POST /webhook)");
		if (socket.state() != WebsocketStatus.State.DISABLED) {
			page.row("Websocket", socket.state().name().toLowerCase(java.util.Locale.ROOT),
					socket.state() != WebsocketStatus.State.CONNECTED);
			page.row("Connected since", String.valueOf(socket.connectedSince()));
			page.row("Reconnects", socket.reconnects());
			page.row("Last frame", String.valueOf(socket.lastFrame()));
			if (socket.lastClose() != null) {
				page.row("Last close", socket.lastClose());
			}
		}
		page.section("Webex settings");
		for (SetupCheck.Setting setting : this.setup.settings()) {
			page.row(setting.name(), setting.present() ? "present" : "missing: " + setting.howToGet(),
					!setting.present());
		}
		// e.g. "proxy: proxy.corp:3128, with credentials", never the credentials
		page.row("Outbound proxy",
				this.proxy.settings().describe()
						+ this.proxy.last().map((f) -> "; last failure: " + f.describe()).orElse(""),
				this.proxy.last().isPresent());
		if (!this.webhook.hasSecret()) {
			page.alert("POST /webhook answers 401 to every delivery because WEBHOOK_SECRET is not set.");
		}
		OfficerSection.render(page, officer);
		CapabilitySection.render(page, this.capabilities.last(), this.refusals.last(), csrf);
		webhooks(page, csrf);
		AccessConfigStore.ReloadStatus file = this.config.status();
		page.section("Config file");
		page.row("Path", file.path());
		page.row("Approved users / domains", file.approvedUsers() + " / " + file.approvedDomains());
		page.row("Last reload", file.lastAttempt() + (file.loadedOk() ? ": ok" : ": failed: " + file.lastError()),
				!file.loadedOk());
		page.row("Last good load", file.lastSuccess());
		file.warnings().forEach((w) -> page.row("Warning", w, true));
		AlertSection.render(page, this.alerts);
		page.section("Requests since start, by outcome");
		List<Timer> timers = this.meters.find("bot.requests").timers().stream().toList();
		if (timers.isEmpty()) {
			page.row("Requests", 0);
		}
		timers.forEach((t) -> page.row(t.getId().getTag("decision"), t.count()));
		return page.html();
	}

	static String uptime(Duration uptime) {
		long days = uptime.toDays();
		return ((days > 0) ? days + " d " : "") + uptime.toHoursPart() + " h " + uptime.toMinutesPart() + " min";
	}

	private void webhooks(StatusPage page, CsrfToken csrf) {
		page.section("Webhooks");
		page.row("Target", this.webhooks.target());
		PreviousSecretRow.render(page, this.webhooks.previousSecret());
		try {
			List<Webhook> ours = this.webhooks.ours();
			if (ours.isEmpty()) {
				page.row("Registered", "none: press Register", true);
			}
			ours.forEach((w) -> page.row(w.resource() + "/" + w.event(), w.status() + " → " + w.targetUrl(),
					!"active".equals(w.status())));
		}
		catch (RuntimeException ex) {
			page.row("Registered", "unknown: Webex did not answer with the bot token", true);
		}
		page.button("/admin/webhooks/register", "Register webhooks", csrf);
		page.button("/admin/webhooks/reactivate", "Re-activate disabled", csrf);
		page.button("/admin/webhooks/delete", "Delete webhooks", csrf);
	}

}
