package io.github.recordingbot.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 to a login attempt (a request with {@code Authorization: Basic}) from an
 * address that {@link LoginAttempts} has locked out, before its password is checked.
 * Requests without credentials pass, so that the webhook and health check behind the same
 * proxy address are never refused. No request thread waits.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

	private static final String BODY = """
			{"type":"about:blank","title":"Too Many Requests","status":429,\
			"detail":"Too many failed logins from this address; try again later."}""";

	private final LoginAttempts attempts;

	private final Clock clock;

	LoginThrottleFilter(LoginAttempts attempts, Clock clock) {
		this.attempts = attempts;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		Instant lockedUntil = (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6))
				? this.attempts.lockedUntil(request.getRemoteAddr()) : null;
		if (lockedUntil == null) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, Duration.between(this.clock.instant(), lockedUntil).toSeconds() + 1);
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(BODY.getBytes(StandardCharsets.UTF_8));
	}

}
