package io.github.recordingbot.status;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.github.recordingbot.webex.WebexModels.Webhook;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * This bot's webhooks as Webex last listed them, and when: the status page shows them
 * without asking Webex. {@link WebhookRegistration} updates it whenever it lists them.
 */
@Component
class KnownWebhooks {

	private final AtomicReference<Snapshot> last = new AtomicReference<>(new Snapshot(null, null, null));

	private final Clock clock;

	KnownWebhooks(Clock clock) {
		this.clock = clock;
	}

	/** Webex listed these webhooks just now. */
	void listed(List<Webhook> ours) {
		this.last.set(new Snapshot(List.copyOf(ours), this.clock.instant(), null));
	}

	/** Webex did not answer just now; the last list is kept. */
	void failed() {
		this.last.updateAndGet((s) -> new Snapshot(s.webhooks(), s.listedAt(), this.clock.instant()));
	}

	Snapshot last() {
		return this.last.get();
	}

	/**
	 * What is known.
	 *
	 * @param webhooks the last list, {@code null} before Webex first answered
	 * @param listedAt when Webex answered with it
	 * @param failedAt when Webex last failed to answer, if it did since
	 */
	record Snapshot(@Nullable List<Webhook> webhooks, @Nullable Instant listedAt, @Nullable Instant failedAt) {

		boolean listed() {
			return this.webhooks != null;
		}

	}

}
