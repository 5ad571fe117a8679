package io.github.recordingbot.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.recordingbot.BotProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts failed status page logins per client address, logs them, and says when an
 * address has failed too often ({@code bot.login.*}), so that {@link LoginThrottleFilter}
 * refuses it for a while instead of letting it guess on.
 *
 * <p>
 * Log lines name the address and the count, never the password or the user name typed (a
 * password typed into the wrong field would land in the log). At most
 * {@value #LOG_LINES_PER_MINUTE} lines a minute are written, so that a spread-out attack
 * cannot flood the log; the next line says how many were left out. The address is what
 * the servlet container reports: behind a reverse proxy, let it pass the client's address
 * ({@code server.forward-headers-strategy}), or every client shares the proxy's.
 */
@Component
class LoginAttempts {

	static final int LOG_LINES_PER_MINUTE = 20;

	private static final Logger logger = LoggerFactory.getLogger(LoginAttempts.class);

	private final Clock clock;

	private final BotProperties.Login settings;

	private final Cache<String, Failures> addresses;

	private Instant logMinute = Instant.MIN;

	private int linesThisMinute;

	private long notLogged;

	LoginAttempts(Clock clock, BotProperties properties) {
		this.clock = clock;
		this.settings = properties.login();
		// The ticker follows the injected clock, so that tests move expiry with it.
		Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
		this.addresses = Caffeine.newBuilder()
			.ticker(ticker)
			.expireAfterWrite(this.settings.failureWindow().plus(this.settings.lockout()))
			.maximumSize(10_000)
			.build();
	}

	/**
	 * Until when an address is refused.
	 * @param address the client address
	 * @return the end of its lockout, or {@code null} when it may try
	 */
	@Nullable Instant lockedUntil(String address) {
		Failures failures = this.addresses.getIfPresent(key(address));
		Instant now = this.clock.instant();
		return (failures != null && failures.isLocked(now)) ? failures.lockedUntil() : null;
	}

	@EventListener
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		String address = address(event.getAuthentication().getDetails());
		Instant now = this.clock.instant();
		Failures failures = this.addresses.asMap().compute(key(address), (key, previous) -> {
			Failures current = (previous == null || previous.isOver(now, this.settings.failureWindow()))
					? new Failures(now, 0, null) : previous;
			int count = current.count() + 1;
			Instant lockedUntil = (count >= this.settings.maxFailures()) ? now.plus(this.settings.lockout()) : null;
			return new Failures(current.firstAt(), count, lockedUntil);
		});
		if (failures.lockedUntil() != null) {
			log("Status page login failed from {}: {} failures within {}, further attempts are refused until {}{}",
					address, failures.count(), this.settings.failureWindow(), failures.lockedUntil());
		}
		else {
			log("Status page login failed from {} ({} of {} allowed within {}){}", address, failures.count(),
					this.settings.maxFailures(), this.settings.failureWindow());
		}
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		this.addresses.invalidate(key(address(event.getAuthentication().getDetails())));
	}

	// The arguments end with the note on left-out lines, filled in here.
	private synchronized void log(String message, Object... arguments) {
		Instant now = this.clock.instant();
		if (!now.isBefore(this.logMinute.plus(Duration.ofMinutes(1)))) {
			this.logMinute = now;
			this.linesThisMinute = 0;
		}
		if (this.linesThisMinute >= LOG_LINES_PER_MINUTE) {
			this.notLogged++;
			return;
		}
		this.linesThisMinute++;
		Object[] withNote = Arrays.copyOf(arguments, arguments.length + 1);
		withNote[arguments.length] = (this.notLogged > 0)
				? " (" + this.notLogged + " earlier failed login(s) not logged)" : "";
		this.notLogged = 0;
		logger.warn(message, withNote);
	}

	private static String address(Object details) {
		return (details instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null)
				? web.getRemoteAddress() : "unknown";
	}

	private static String key(String address) {
		return (address != null) ? address : "unknown";
	}

	/**
	 * An address's failures in its current window.
	 *
	 * @param firstAt the first failure of the window
	 * @param count failures since
	 * @param lockedUntil the end of the lockout once {@code count} reached the limit
	 */
	private record Failures(Instant firstAt, int count, Instant lockedUntil) {

		boolean isLocked(Instant now) {
			return this.lockedUntil != null && now.isBefore(this.lockedUntil);
		}

		/** Whether a new failure starts a new window. */
		boolean isOver(Instant now, Duration window) {
			return (this.lockedUntil != null) ? !isLocked(now) : !now.isBefore(this.firstAt.plus(window));
		}

	}

}
