package io.github.recordingbot.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Keeps a sender outside the allow-list from making the bot answer and audit every
 * message: the first refusal is answered, then at most one per
 * {@code bot.access.refusal-interval}; the refusals in between are only counted.
 *
 * <p>
 * Every counted refusal is handed out exactly once, so that each request stays accounted
 * for in the audit log: either as the {@code suppressed} count of the sender's next
 * answered refusal, or, when the sender stays quiet after the window, in a summary taken
 * by {@link #closedWindows()} (or {@link #drain()} at shutdown). Counters live in memory,
 * in each replica (unlike the {@link RateLimiter}'s windows on PostgreSQL, see
 * docs/replicas.md): a crash loses the counts not yet handed out.
 */
@Component
public class RefusalThrottle {

	private static final Logger logger = LoggerFactory.getLogger(RefusalThrottle.class);

	private final Clock clock;

	private final Duration interval;

	private final Cache<String, Window> senders;

	public RefusalThrottle(Clock clock, AccessProperties properties) {
		this.clock = clock;
		this.interval = properties.refusalInterval();
		// Senders are removed by closedWindows(), not by expiry; the size bound only
		// stops a flood of distinct accounts from growing the map without end.
		this.senders = Caffeine.newBuilder()
			.maximumSize(100_000)
			.executor(Runnable::run)
			.removalListener(this::evicted)
			.build();
	}

	/**
	 * Counts a refusal to the sender and says whether to answer it.
	 * @param sender who is refused, from the API
	 * @return whether to answer and audit this refusal, and how many refusals to the
	 * sender since the last answered one were not
	 */
	public Notice refuse(Sender sender) {
		Instant now = this.clock.instant();
		AtomicReference<Notice> notice = new AtomicReference<>();
		this.senders.asMap().compute(key(sender), (key, window) -> {
			if (window == null || window.isClosed(now, this.interval)) {
				notice.set(new Notice(true, (window != null) ? window.suppressed() : 0));
				return new Window(sender, now, 0);
			}
			notice.set(Notice.QUIET);
			return new Window(sender, window.answeredAt(), window.suppressed() + 1);
		});
		return notice.get();
	}

	/**
	 * Takes the counts of the windows that have closed, and forgets those senders: their
	 * next refusal is answered again.
	 * @return one summary per sender whose window closed with unanswered refusals
	 */
	public List<Summary> closedWindows() {
		Instant now = this.clock.instant();
		return take((window) -> window.isClosed(now, this.interval));
	}

	/**
	 * Takes every count, closed window or not; for a graceful shutdown.
	 * @return one summary per sender with unanswered refusals
	 */
	public List<Summary> drain() {
		return take((window) -> true);
	}

	private @Nullable List<Summary> take(Predicate<Window> due) {
		List<Summary> summaries = new ArrayList<>();
		for (String key : List.copyOf(this.senders.asMap().keySet())) {
			this.senders.asMap().computeIfPresent(key, (k, window) -> {
				if (!due.test(window)) {
					return window;
				}
				if (window.suppressed() > 0) {
					summaries.add(new Summary(window.sender(), window.suppressed(), window.answeredAt()));
				}
				return null;
			});
		}
		return summaries;
	}

	private void evicted(String key, Window window, RemovalCause cause) {
		if (cause.wasEvicted() && window != null && window.suppressed() > 0) {
			logger.warn("Too many refused senders at once: {} unanswered refusal(s) to person {} are not audited",
					window.suppressed(), window.sender().personId());
		}
	}

	private static String key(Sender sender) {
		return (sender.personId() != null) ? sender.personId() : String.valueOf(sender.email());
	}

	/**
	 * A refused sender, as the audit names them.
	 *
	 * @param personId the sender's person id, from the API
	 * @param email the sender's e-mail, from the API
	 * @param roomType the room type of the latest refused message
	 */
	public record Sender(String personId, String email, String roomType) {
	}

	/**
	 * What to do with one refusal.
	 *
	 * @param answer whether to answer and audit it
	 * @param suppressed when answered: how many refusals to the sender since the last
	 * answered one were neither answered nor audited
	 */
	public record Notice(boolean answer, long suppressed) {

		static final Notice QUIET = new Notice(false, 0);

	}

	/**
	 * Refusals that were counted and not answered, to be audited as one line.
	 *
	 * @param sender who was refused (the latest room type)
	 * @param suppressed how many refusals
	 * @param since when the last answered refusal was, which opened the window
	 */
	public record Summary(Sender sender, long suppressed, Instant since) {
	}

	/** One sender's window: when they were last answered, and what came since. */
	private record Window(Sender sender, Instant answeredAt, long suppressed) {

		boolean isClosed(Instant now, Duration interval) {
			return !now.isBefore(this.answeredAt.plus(interval));
		}

	}

}
