package io.github.recordingbot.officer;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * What the officer health contributor reports in each state of the authorization.
 */
class OfficerHealthTests {

	static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	final OfficerOverview overview = mock(OfficerOverview.class);

	final OfficerHealth health = new OfficerHealth(this.overview, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void notAuthorizedYetIsUnknown() {
		given(this.overview.status()).willReturn(status(false, false, false, null));

		assertThat(this.health.health().getStatus()).isEqualTo(Status.UNKNOWN);
	}

	@Test
	void refusedAuthorizationIsDown() {
		given(this.overview.status()).willReturn(status(false, true, false, null));

		assertThat(this.health.health().getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void refreshTokenEndingWithinTwoWeeksIsDown() {
		given(this.overview.status()).willReturn(status(true, false, false, NOW.plusSeconds(86400 * 10)));

		assertThat(this.health.health().getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void healthyAuthorizationIsUpAndShowsNoToken() {
		given(this.overview.status()).willReturn(status(true, false, false, NOW.plusSeconds(86400 * 80)));

		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
		assertThat(this.health.health().getDetails().toString()).doesNotContainIgnoringCase("token=");
	}

	@Test
	void pastedTokenIsUp() {
		given(this.overview.status()).willReturn(status(false, false, true, null));

		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
	}

	static OfficerOverview.Status status(boolean authorized, boolean reauth, boolean pasted, Instant refreshEnds) {
		return new OfficerOverview.Status(true, authorized, reauth, "Olivia", "olivia@example.com",
				authorized ? NOW.minusSeconds(3600) : null, Set.of(), authorized ? NOW.plusSeconds(86400) : null,
				refreshEnds, null, null, false, pasted);
	}

}
