package io.github.recordingbot.status;

import java.util.ArrayList;
import java.util.List;

import io.github.recordingbot.BotProperties;
import io.github.recordingbot.officer.OfficerOverview;
import io.github.recordingbot.webex.WebexProperties;
import io.github.recordingbot.webhook.WebhookProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says which Webex settings are missing and how to get each, in the log at startup and on
 * the status page. A missing setting never stops the bot.
 */
@Component
public class SetupCheck {

	private static final Logger logger = LoggerFactory.getLogger(SetupCheck.class);

	private final WebexProperties webex;

	private final WebhookProperties webhook;

	private final BotProperties bot;

	private final OfficerOverview officer;

	private final boolean demo;

	SetupCheck(WebexProperties webex, WebhookProperties webhook, BotProperties bot, OfficerOverview officer,
			Environment environment) {
		this.webex = webex;
		this.demo = environment.matchesProfiles("demo");
		this.officer = officer;
		this.webhook = webhook;
		this.bot = bot;
	}

	/** Every setting the bot needs, present or not, with how to get it. */
	public List<Setting> settings() {
		List<Setting> settings = new ArrayList<>();
		settings.add(new Setting("BOT_ACCESS_TOKEN", this.webex.hasBotToken(),
				"Create a bot at https://developer.webex.com/my-apps/new/bot and copy its access token."));
		settings.add(new Setting("WEBHOOK_SECRET", this.webhook.hasSecret(),
				"Any random string of 32 or more characters, e.g. the output of: openssl rand -hex 32"));
		settings.add(new Setting("PUBLIC_BASE_URL", this.bot.hasPublicBaseUrl(),
				"The https address where Webex and your browser reach the bot, e.g. https://bot.example.com"));
		OfficerOverview.Status officer = this.officer.status();
		settings.add(new Setting("WEBEX_INTEGRATION_CLIENT_ID and _SECRET", officer.clientConfigured(),
				"Create an integration at https://developer.webex.com/my-apps/new/integration with the redirect URI "
						+ "<PUBLIC_BASE_URL>/webex/redirect and copy its client id and secret."));
		settings.add(new Setting("Compliance Officer authorization", officer.authorized() || officer.pastedToken(),
				"Let the Compliance Officer authorize at <PUBLIC_BASE_URL>/webex/authorize (needs the integration), "
						+ "or paste an officer's access token into WEBEX_INTEGRATION_ACCESS_TOKEN."));
		return settings;
	}

	/** Whether the bot runs against the built-in simulator with demo credentials. */
	public boolean demo() {
		return this.demo;
	}

	@EventListener(ApplicationReadyEvent.class)
	void logMissing() {
		if (this.demo) {
			StringBuilder text = new StringBuilder(
					"Demo mode: every Webex setting holds a value for the built-in simulator. To run against Webex, set:");
			settings().forEach((s) -> text.append("\n  - ").append(s.name()).append(": ").append(s.howToGet()));
			logger.info(text.toString());
			return;
		}
		List<Setting> missing = settings().stream().filter((s) -> !s.present()).toList();
		if (missing.isEmpty()) {
			logger.info("All Webex settings are present; the Webex API is at {}", this.webex.apiBaseUrl());
			return;
		}
		StringBuilder text = new StringBuilder("The bot runs, but these settings are missing:");
		for (Setting setting : missing) {
			text.append("\n  - ").append(setting.name()).append(": ").append(setting.howToGet());
		}
		text.append("\nTo try the bot without any Webex account, run the built-in simulator: "
				+ "./mvnw spring-boot:run -Dspring-boot.run.profiles=demo");
		logger.warn(text.toString());
	}

	/**
	 * One setting.
	 *
	 * @param name the environment variable
	 * @param present whether it is set
	 * @param howToGet what to do when it is not
	 */
	public record Setting(String name, boolean present, String howToGet) {
	}

}
