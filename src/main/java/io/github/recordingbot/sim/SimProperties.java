package io.github.recordingbot.sim;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the built-in Webex simulator ({@code sim.*}), active in the {@code demo}
 * profile.
 *
 * @param latency how long every simulated Webex call takes (0 in the demo; benchmarks use
 * more)
 * @param botToken the access token the simulator accepts for bot calls
 * @param officerToken the access token the simulator accepts for Compliance Officer
 * calls, besides the ones its token endpoint issues
 * @param webhookTarget the bot's own {@code /webhook}: where chat events go when the bot
 * registered no webhook, and the only target a registered webhook may have
 * @param webhookSecret the secret those deliveries are signed with
 * @param redirectUri the bot's own {@code /webex/redirect}: the only {@code redirect_uri}
 * the simulated consent page sends the browser back to
 * @param officerRole the role of the simulated officer account: {@code compliance} (a
 * Compliance Officer without admin scopes, the default) or {@code admin}
 */
@ConfigurationProperties("sim")
record SimProperties(@DefaultValue("0ms") Duration latency, @DefaultValue("demo-bot-token") String botToken,
		@DefaultValue("demo-officer-token") String officerToken,
		@DefaultValue("http://localhost:8080/webhook") URI webhookTarget,
		@DefaultValue("demo-webhook-secret-not-for-production-use") String webhookSecret,
		@DefaultValue("http://localhost:8080/webex/redirect") URI redirectUri,
		@DefaultValue("compliance") OfficerRole officerRole) {

	SimProperties {
		if (latency.isNegative()) {
			throw new IllegalArgumentException("sim.latency must not be negative, got " + latency);
		}
		if (officerRole == null) {
			throw new IllegalArgumentException("sim.officer-role must be compliance or admin");
		}
	}

	SimProperties withOfficerRole(OfficerRole role) {
		return new SimProperties(this.latency, this.botToken, this.officerToken, this.webhookTarget, this.webhookSecret,
				this.redirectUri, role);
	}

}
