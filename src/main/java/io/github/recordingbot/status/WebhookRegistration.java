package io.github.recordingbot.status;

import java.util.ArrayList;
import java.util.List;

import io.github.recordingbot.BotProperties;
import io.github.recordingbot.webex.WebexClient;
import io.github.recordingbot.webex.WebexModels.Webhook;
import io.github.recordingbot.webhook.PreviousSecretWindow;
import io.github.recordingbot.webhook.WebhookProperties;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private final BotProperties bot;

	private final PreviousSecretWindow previousSecret;

	private final InactiveWebhooks inactive;

	private final KnownWebhooks known;

	WebhookRegistration(WebexClient webex, WebhookProperties webhook, BotProperties bot,
			PreviousSecretWindow previousSecret, InactiveWebhooks inactive, KnownWebhooks known) {
		this.webex = webex;
		this.known = known;
		this.webhook = webhook;
		this.bot = bot;
		this.previousSecret = previousSecret;
		this.inactive = inactive;
	}

	String target() {
		return this.bot.publicUrl("/webhook");
	}

	/** Whether deliveries signed with the previous secret are still accepted. */
	PreviousSecretWindow.Status previousSecret() {
		return this.previousSecret.status();
	}

	/**
	 * This bot's webhooks: the bot token's webhooks with our name or our target. Each
	 * answer is kept for the status page.
	 */
	List<Webhook> ours() {
		try {
			List<Webhook> ours = this.webex.webhooks()
				.stream()
				.filter((w) -> NAME.equals(w.name()) || target().equals(w.targetUrl()))
				.toList();
			this.known.listed(ours);
			return ours;
		}
		catch (RuntimeException ex) {
			this.known.failed();
			throw ex;
		}
	}

	/** This bot's webhooks as Webex last listed them, without asking Webex. */
	KnownWebhooks.Snapshot known() {
		return this.known.last();
	}

	/** Lists this bot's webhooks at Webex again, for the status page; never fails. */
	void refresh() {
		try {
			ours();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not list the webhooks at Webex: {}", ex.getClass().getSimpleName());
		}
	}

	/** Replaces this bot's webhooks with fresh ones carrying the current secret. */
	String register() {
		if (!this.bot.hasPublicBaseUrl() || !this.webhook.hasSecret()) {
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
		this.inactive.afterAttempt(List.of());
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
		List<String> stillInactive = new ArrayList<>();
		List<Webhook> ours = ours();
		try {
			for (Webhook w : ours) {
				if ("inactive".equals(w.status())) {
					// counted as still inactive unless Webex answers the update
					String name = w.resource() + "/" + w.event();
					stillInactive.add(name);
					Webhook updated = this.webex.updateWebhook(w.id(), new Webhook(null, w.name(), w.targetUrl(), null,
							null, null, this.webhook.secret(), "active", null));
					if (updated == null || updated.status() == null || "active".equals(updated.status())) {
						stillInactive.remove(name);
						logger.warn("Re-activated webhook {} ({}) that Webex had disabled", w.id(), name);
						count++;
					}
					else {
						logger.warn("Webex left webhook {} ({}) inactive after re-activation", w.id(), name);
					}
				}
			}
		}
		finally {
			this.inactive.afterAttempt(stillInactive);
		}
		return count;
	}

	/**
	 * Hourly, first five minutes after the start; {@code webhook.reactivation-delay}
	 * moves the first run (the tests that count Webex calls push it past their run).
	 */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "${webhook.reactivation-delay:PT5M}")
	@SchedulerLock(name = "webhook-reactivation")
	void reactivateHourly() {
		try {
			if (reactivate() > 0) {
				// the list reactivate() read is out of date now
				refresh();
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not check the webhooks at Webex: {}", ex.getClass().getSimpleName());
		}
	}

}
