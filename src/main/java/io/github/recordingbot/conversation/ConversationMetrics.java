package io.github.recordingbot.conversation;

import java.time.Duration;

import io.github.recordingbot.audit.AuditRecord.Decision;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * The bot's own metrics: requests by decision with their end-to-end latency
 * ({@code bot.requests}, a histogram), and the webhook work queue's depth
 * ({@code bot.webhook.queue}).
 */
@Component
class ConversationMetrics implements MeterBinder {

	private final ChatEvents events;

	ConversationMetrics(ChatEvents events) {
		this.events = events;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("bot.webhook.queue", this.events, ChatEvents::queued)
			.description("Chat events waiting for a worker")
			.register(registry);
	}

	/**
	 * Records one answered request: its decision and the time from the event's arrival to
	 * the reply.
	 */
	static void record(MeterRegistry registry, Decision decision, Duration latency) {
		Timer.builder("bot.requests")
			.description("Answered chat requests, from webhook to reply, by decision")
			.tag("decision", String.valueOf(decision).toLowerCase(java.util.Locale.ROOT))
			.publishPercentileHistogram()
			.register(registry)
			.record(latency.isNegative() ? Duration.ZERO : latency);
	}

}
