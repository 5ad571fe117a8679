package io.github.recordingbot.webex;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Webex reachability for {@code /actuator/health}, judged from the bot's own calls: a
 * probe never calls Webex. Unknown until the first call; down after three calls in a row
 * got no answer or a 5xx; up otherwise, with the last answer's status and time.
 */
@Component("webex")
public class WebexReachability implements HealthIndicator {

	static final int FAILURES_FOR_DOWN = 3;

	private final Clock clock;

	private final AtomicReference<Outcome> last = new AtomicReference<>();

	private final AtomicInteger failuresInARow = new AtomicInteger();

	// when the current streak of failures began, null while Webex answers
	private final AtomicReference<Instant> failingSince = new AtomicReference<>();

	WebexReachability(Clock clock) {
		this.clock = clock;
	}

	void answered(int status) {
		this.last.set(new Outcome(this.clock.instant(), String.valueOf(status)));
		if (status >= 500) {
			failed();
		}
		else {
			this.failuresInARow.set(0);
			this.failingSince.set(null);
		}
	}

	void noAnswer(String reason) {
		this.last.set(new Outcome(this.clock.instant(), "no answer (" + reason + ")"));
		failed();
	}

	private void failed() {
		this.failingSince.compareAndSet(null, this.clock.instant());
		this.failuresInARow.incrementAndGet();
	}

	/**
	 * Since when Webex has not answered, while the health says down.
	 * @return the first failed call of the current streak, empty while Webex answers
	 */
	public Optional<Instant> unreachableSince() {
		return (this.failuresInARow.get() >= FAILURES_FOR_DOWN) ? Optional.ofNullable(this.failingSince.get())
				: Optional.empty();
	}

	@Override
	public Health health() {
		Outcome outcome = this.last.get();
		if (outcome == null) {
			return Health.unknown().withDetail("reason", "no Webex call yet").build();
		}
		Health.Builder health = (this.failuresInARow.get() >= FAILURES_FOR_DOWN) ? Health.down() : Health.up();
		return health.withDetail("lastCall", outcome.at().toString())
			.withDetail("lastStatus", outcome.status())
			.withDetail("failuresInARow", this.failuresInARow.get())
			.build();
	}

	private record Outcome(Instant at, String status) {
	}

}
