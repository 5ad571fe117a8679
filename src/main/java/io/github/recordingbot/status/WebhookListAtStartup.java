package io.github.recordingbot.status;

import java.time.Clock;

import io.github.recordingbot.BotProperties;
import io.github.recordingbot.webex.WebexProperties;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Lists the bot's webhooks once the bot is ready, on the scheduler's thread, so that the
 * status page has them without asking Webex when it renders, and a slow Webex never
 * delays startup ({@code bot.list-webhooks-at-startup}).
 */
@Component
class WebhookListAtStartup {

	private final WebhookRegistration webhooks;

	private final TaskScheduler scheduler;

	private final Clock clock;

	private final boolean enabled;

	WebhookListAtStartup(WebhookRegistration webhooks, TaskScheduler scheduler, Clock clock, BotProperties bot,
			WebexProperties webex) {
		this.webhooks = webhooks;
		this.scheduler = scheduler;
		this.clock = clock;
		this.enabled = bot.listWebhooksAtStartup() && webex.hasBotToken();
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		if (this.enabled) {
			this.scheduler.schedule(this.webhooks::refresh, this.clock.instant());
		}
	}

}
