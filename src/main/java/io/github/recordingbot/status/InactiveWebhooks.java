package io.github.recordingbot.status;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.github.recordingbot.alert.Condition;
import io.github.recordingbot.alert.ConditionCheck;

import org.springframework.stereotype.Component;

/**
 * The webhooks still inactive after the latest re-activation attempt, for the operator
 * alert: Webex delivers nothing to a disabled webhook.
 */
@Component
class InactiveWebhooks implements ConditionCheck {

	private final Clock clock;

	private final AtomicReference<Observation> inactive = new AtomicReference<>();

	InactiveWebhooks(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Records the outcome of a re-activation attempt.
	 * @param stillInactive {@code resource/event} of each webhook still inactive
	 */
	void afterAttempt(List<String> stillInactive) {
		if (stillInactive.isEmpty()) {
			this.inactive.set(null);
			return;
		}
		Instant now = this.clock.instant();
		this.inactive.updateAndGet((previous) -> Observation.since((previous != null) ? previous.since() : now,
				String.join(", ", stillInactive)));
	}

	@Override
	public Condition condition() {
		return Condition.WEBHOOK_INACTIVE;
	}

	@Override
	public Optional<Observation> observe(Instant now) {
		return Optional.ofNullable(this.inactive.get());
	}

}
