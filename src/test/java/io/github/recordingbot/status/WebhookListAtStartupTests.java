package io.github.recordingbot.status;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.github.recordingbot.BotProperties;
import io.github.recordingbot.webex.WebexProperties;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.scheduling.TaskScheduler;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * The status page's webhook list is filled in the background once the bot is ready, never
 * on the startup thread and never while rendering.
 */
class WebhookListAtStartupTests {

	static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

	final WebhookRegistration webhooks = mock(WebhookRegistration.class);

	final TaskScheduler scheduler = mock(TaskScheduler.class);

	@Test
	void whenTheBotIsReadyTheWebhooksAreListedOnTheSchedulerNow() {
		new WebhookListAtStartup(this.webhooks, this.scheduler, Clock.fixed(NOW, ZoneOffset.UTC), operator(true),
				webex("bot-token"))
			.onReady();

		ArgumentCaptor<Runnable> task = ArgumentCaptor.forClass(Runnable.class);
		then(this.scheduler).should().schedule(task.capture(), eq(NOW));
		then(this.webhooks).shouldHaveNoInteractions();
		task.getValue().run();
		then(this.webhooks).should().refresh();
	}

	@Test
	void whenTurnedOffNothingIsListed() {
		new WebhookListAtStartup(this.webhooks, this.scheduler, Clock.fixed(NOW, ZoneOffset.UTC), operator(false),
				webex("bot-token"))
			.onReady();

		then(this.scheduler).should(never()).schedule(any(Runnable.class), any(Instant.class));
	}

	@Test
	void withoutABotTokenWebexIsNotAsked() {
		new WebhookListAtStartup(this.webhooks, this.scheduler, Clock.fixed(NOW, ZoneOffset.UTC), operator(true),
				webex(null))
			.onReady();

		then(this.scheduler).should(never()).schedule(any(Runnable.class), any(Instant.class));
	}

	static BotProperties operator(boolean listWebhooksAtStartup) {
		return BotProperties.defaults().withListWebhooksAtStartup(listWebhooksAtStartup);
	}

	static WebexProperties webex(String botToken) {
		return WebexProperties.of(URI.create("http://localhost:9/v1"), botToken, null, Duration.ofSeconds(1),
				Duration.ofSeconds(1));
	}

}
