package io.github.recordingbot.status;

import java.util.List;

import io.github.recordingbot.webex.WebexClient;
import io.github.recordingbot.webex.WebexModels.Webhook;
import io.github.recordingbot.webhook.PreviousSecretWindow;
import io.github.recordingbot.webhook.WebhookProperties;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The bot's webhooks at Webex ({@code messages/created} and
 * {@code attachmentActions/created} to {@code <PUBLIC_BASE_URL>/webhook}): register,
 * delete, and re-activate the ones Webex disabled.
 *
 * @see <a href="https://developer.webex.com/docs/api/guides/webhooks">Webex webhooks,
 * "Disabled Webhooks"</a>
 */
@Component
class WebhookRegistration {

	private static final Logger logger = LoggerFactory.getLogger(WebhookRegistration.class);

	static final String NAME = "Recording bot";

	private static final List<String[]> EVENTS = List.of(new String[] { "messages", "created" },
			new String[] { "attachmentActions", "created" });

	private final WebexClient webex;

	private final WebhookProperties webhook;

	private final String publicBaseUrl;

	private final PreviousSecretWindow previousSecret;

	WebhookRegistration(WebexClient webex, WebhookProperties webhook,
			@Value("${bot.public-base-url:}") String publicBaseUrl, PreviousSecretWindow previousSecret) {
		this.webex = webex;
		this.webhook = webhook;
		this.publicBaseUrl = publicBaseUrl.trim().replaceAll("/+$", "");
		this.previousSecret = previousSecret;
	}

	String target() {
		return this.publicBaseUrl + "/webhook";
	}

	/** Whether deliveries signed with the previous secret are still accepted. */
	PreviousSecretWindow.Status previousSecret() {
		return this.previousSecret.status();
	}

	/** This bot's webhooks: the bot token's webhooks with our name or our target. */
	List<Webhook> ours() {
		return this.webex.webhooks()
			.stream()
			.filter((w) -> NAME.equals(w.name()) || target().equals(w.targetUrl()))
			.toList();
	}

	/** Replaces this bot's webhooks with fresh ones carrying the current secret. */
	String register() {
		if (this.publicBaseUrl.isEmpty() || !this.webhook.hasSecret()) {
			return "Set PUBLIC_BASE_URL and WEBHOOK_SECRET first.";
		}
		int removed = delete();
		for (String[] event : EVENTS) {
			this.webex.createWebhook(
					new Webhook(null, NAME, target(), event[0], event[1], null, this.webhook.secret(), null, null));
		}
		// Every webhook of the bot now signs with the current secret: the previous one
		// is needed only for deliveries already on their way.
		this.previousSecret.webhooksRegistered();
		logger.info("Registered {} webhooks to {} (replaced {})", EVENTS.size(), target(), removed);
		return "Registered " + EVENTS.size() + " webhooks to " + target() + " (replaced " + removed + ").";
	}

	/** Deletes this bot's webhooks; returns how many. */
	int delete() {
		List<Webhook> ours = ours();
		ours.forEach((w) -> this.webex.deleteWebhook(w.id()));
		return ours.size();
	}

	/** Re-activates this bot's disabled webhooks; returns how many. */
	int reactivate() {
		int count = 0;
		for (Webhook w : ours()) {
			if ("inactive".equals(w.status())) {
				this.webex.updateWebhook(w.id(), new Webhook(null, w.name(), w.targetUrl(), null, null, null,
						this.webhook.secret(), "active", null));
				logger.warn("Re-activated webhook {} ({}/{}) that Webex had disabled", w.id(), w.resource(), w.event());
				count++;
			}
		}
		return count;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@SchedulerLock(name = "webhook-reactivation")
	void reactivateHourly() {
		try {
			reactivate();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not check the webhooks at Webex: {}", ex.getClass().getSimpleName());
		}
	}

}
