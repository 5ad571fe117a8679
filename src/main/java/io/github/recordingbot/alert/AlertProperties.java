package io.github.recordingbot.alert;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often the conditions are evaluated and how the operators are told; who is told is
 * the {@code operators} key of config.json.
 *
 * @param interval how often every condition is evaluated
 * @param reminderInterval how long after the last message a reminder is due while a
 * condition lasts; at least a day
 * @param clearAfter how long no replica may have seen a condition before it counts as
 * cleared; longer than {@code interval}, so that one replica seeing it clear does not end
 * what another still sees
 * @param outageThreshold how long Webex or the websocket must be down before it is a
 * condition
 * @param reauthorizationWarning how long before the refresh token expires the officer is
 * asked to authorize again
 */
@ConfigurationProperties("alerts")
public record AlertProperties(@DefaultValue("PT1M") Duration interval, @DefaultValue("P1D") Duration reminderInterval,
		@DefaultValue("PT3M") Duration clearAfter, @DefaultValue("PT5M") Duration outageThreshold,
		@DefaultValue("P14D") Duration reauthorizationWarning) {

	public AlertProperties {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("alerts.interval must be positive, got " + interval);
		}
		if (reminderInterval.compareTo(Duration.ofDays(1)) < 0) {
			throw new IllegalArgumentException(
					"alerts.reminder-interval must be at least one day (P1D), got " + reminderInterval);
		}
		if (clearAfter.compareTo(interval) <= 0) {
			throw new IllegalArgumentException(
					"alerts.clear-after must be longer than alerts.interval (" + interval + "), got " + clearAfter);
		}
		if (outageThreshold.isNegative()) {
			throw new IllegalArgumentException("alerts.outage-threshold must not be negative, got " + outageThreshold);
		}
		if (reauthorizationWarning.isNegative()) {
			throw new IllegalArgumentException(
					"alerts.reauthorization-warning must not be negative, got " + reauthorizationWarning);
		}
	}

}
