package io.github.recordingbot.officer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The Compliance Officer authorization for {@code /actuator/health}: down when Webex
 * refused it and the officer must authorize again, or when the refresh token is about to
 * run out; unknown before anyone authorized; up otherwise. Never shows a token.
 */
@Component("officer")
class OfficerHealth implements HealthIndicator {

	/**
	 * Webex's refresh tokens live about 90 days; two weeks before the end somebody must
	 * act.
	 */
	static final Duration REFRESH_TOKEN_WARNING = Duration.ofDays(14);

	private final OfficerOverview overview;

	private final Clock clock;

	OfficerHealth(OfficerOverview overview, Clock clock) {
		this.overview = overview;
		this.clock = clock;
	}

	@Override
	public Health health() {
		OfficerOverview.Status status = this.overview.status();
		if (status.reauthorizationNeeded() && !status.pastedToken()) {
			return Health.down().withDetail("reason", "Webex refused the authorization; authorize again").build();
		}
		if (!status.authorized()) {
			return (status.pastedToken() ? Health.up().withDetail("token", "pasted")
					: Health.unknown().withDetail("reason", "not authorized yet"))
				.build();
		}
		Instant refreshEnds = status.refreshTokenExpiresAt();
		if (refreshEnds != null && refreshEnds.isBefore(this.clock.instant().plus(REFRESH_TOKEN_WARNING))) {
			return Health.down()
				.withDetail("reason", "the refresh token expires soon; check the last refresh")
				.withDetail("refreshTokenExpiresAt", refreshEnds.toString())
				.build();
		}
		Health.Builder health = Health.up()
			.withDetail("authorizedAt", String.valueOf(status.authorizedAt()))
			.withDetail("accessTokenExpiresAt", String.valueOf(status.accessTokenExpiresAt()));
		if (status.lastRefreshError() != null) {
			health.withDetail("lastRefreshError", status.lastRefreshError());
		}
		return health.build();
	}

}
