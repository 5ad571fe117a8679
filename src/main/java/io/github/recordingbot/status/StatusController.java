package io.github.recordingbot.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.recordingbot.conversation.BotIdentity;
import io.github.recordingbot.webhook.WebhookProperties;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code GET /}: the operator's status page, plain server-rendered HTML that reads well on a phone.
 */
@RestController
class StatusController {

	private final SetupCheck setup;

	private final BotIdentity identity;

	private final WebhookProperties webhook;

	private final Clock clock;

	private final Instant started;

	StatusController(SetupCheck setup, BotIdentity identity, WebhookProperties webhook, Clock clock) {
		this.setup = setup;
		this.identity = identity;
		this.webhook = webhook;
		this.clock = clock;
		this.started = clock.instant();
	}

	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	String status() {
		StatusPage page = new StatusPage("Webex Recording Bot");
		page.section("Bot");
		page.row("Identity", this.identity.person()
			.map((p) -> p.displayName() + " (" + p.primaryEmail() + ")")
			.orElse("unknown: the bot token is missing or Webex did not answer"));
		page.row("Uptime", Duration.between(this.started, this.clock.instant()).withNanos(0).toString());
		page.section("Webex settings");
		for (SetupCheck.Setting setting : this.setup.settings()) {
			page.row(setting.name(), setting.present() ? "present" : "missing: " + setting.howToGet(),
					!setting.present());
		}
		if (!this.webhook.hasSecret()) {
			page.alert("POST /webhook answers 401 to every delivery because WEBHOOK_SECRET is not set.");
		}
		return page.html();
	}

	/** A tiny HTML builder; every value is escaped. */
	static final class StatusPage {

		private final StringBuilder body = new StringBuilder();

		private final String title;

		StatusPage(String title) {
			this.title = title;
		}

		void section(String name) {
			closeTable();
			this.body.append("<h2>").append(HtmlUtils.htmlEscape(name)).append("</h2><table>");
		}

		void row(String name, String value) {
			row(name, value, false);
		}

		void row(String name, String value, boolean warn) {
			this.body.append(warn ? "<tr class=\"warn\">" : "<tr>")
				.append("<th>")
				.append(HtmlUtils.htmlEscape(name))
				.append("</th><td>")
				.append(HtmlUtils.htmlEscape(String.valueOf(value)))
				.append("</td></tr>");
		}

		void alert(String text) {
			closeTable();
			this.body.append("<p class=\"alert\">").append(HtmlUtils.htmlEscape(text)).append("</p>");
		}

		private void closeTable() {
			int open = this.body.lastIndexOf("<table>");
			if (open >= 0 && this.body.indexOf("</table>", open) < 0) {
				this.body.append("</table>");
			}
		}

		String html() {
			closeTable();
			return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
					+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
					+ HtmlUtils.htmlEscape(this.title) + "</title><style>"
					+ "body{font-family:system-ui,sans-serif;margin:1rem;max-width:48rem}"
					+ "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem;"
					+ "border-bottom:1px solid #ddd;vertical-align:top}th{width:35%}"
					+ "tr.warn td{color:#8a4b00}.alert{background:#c62828;color:#fff;padding:.6rem;border-radius:4px}"
					+ "</style></head><body><h1>" + HtmlUtils.htmlEscape(this.title) + "</h1>" + this.body
					+ "</body></html>";
		}

	}

}
