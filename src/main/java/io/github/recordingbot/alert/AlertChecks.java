package io.github.recordingbot.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.github.recordingbot.access.AccessConfigStore;
import io.github.recordingbot.alert.ConditionCheck.Observation;
import io.github.recordingbot.audit.JsonLinesAuditLog;
import io.github.recordingbot.officer.Capability;
import io.github.recordingbot.officer.OfficerCapabilities;
import io.github.recordingbot.officer.OfficerOverview;
import io.github.recordingbot.webex.OfficerRefusals;
import io.github.recordingbot.webex.WebexReachability;
import io.github.recordingbot.websocket.WebsocketMonitor;
import io.github.recordingbot.websocket.WebsocketStatus;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The checks that read their fact through its public methods. (The webhook check lives
 * with the webhook registration in {@code status/}.)
 */
@Configuration(proxyBeanMethods = false)
class AlertChecks {

	@Bean
	ConditionCheck reauthorizationNeeded(OfficerOverview officer) {
		return ConditionCheck.of(Condition.REAUTHORIZATION_NEEDED, (now) -> {
			OfficerOverview.Status status = officer.status();
			return status.reauthorizationNeeded() ? Optional.of(Observation.since(status.lastRefreshAt()))
					: Optional.empty();
		});
	}

	@Bean
	ConditionCheck reauthorizationDue(OfficerOverview officer, AlertProperties properties) {
		return ConditionCheck.of(Condition.REAUTHORIZATION_DUE, (now) -> {
			Instant expires = officer.status().refreshTokenExpiresAt();
			if (expires == null || expires.minus(properties.reauthorizationWarning()).isAfter(now)) {
				return Optional.empty();
			}
			return Optional
				.of(Observation.since(expires.minus(properties.reauthorizationWarning()), AlertTexts.time(expires)));
		});
	}

	@Bean
	ConditionCheck refreshFailing(OfficerOverview officer) {
		return ConditionCheck.of(Condition.REFRESH_FAILING, (now) -> {
			String error = officer.status().lastRefreshError();
			return (error != null) ? Optional.of(Observation.since(null, errorCode(error))) : Optional.empty();
		});
	}

	@Bean
	ConditionCheck officerRefused(OfficerRefusals refusals, OfficerCapabilities capabilities) {
		return ConditionCheck.of(Condition.OFFICER_REFUSED, (now) -> {
			Optional<OfficerRefusals.Refusal> refusal = refusals.last().filter((r) -> r.workedAgainAt() == null);
			if (refusal.isPresent()) {
				OfficerRefusals.Refusal r = refusal.get();
				return Optional.of(new Observation(r.at(), "call", List.of(r.endpoint(), String.valueOf(r.status()))));
			}
			return capabilities.last()
				.flatMap((report) -> report.results()
					.stream()
					.filter((result) -> result.verdict() == OfficerCapabilities.Verdict.REFUSED
							&& result.capability() != Capability.CHECK_PERSONAL_ROOMS)
					.findFirst()
					.map((result) -> new Observation(report.checkedAt(), "capability",
							List.of(result.capability().calls()))));
		});
	}

	@Bean
	ConditionCheck websocketDown(WebsocketMonitor websocket, AlertProperties properties) {
		AtomicReference<Instant> downSince = new AtomicReference<>();
		return ConditionCheck.of(Condition.WEBSOCKET_DOWN, (now) -> {
			WebsocketStatus status = websocket.status();
			if (!websocket.websocketMode() || status.state() == WebsocketStatus.State.CONNECTED) {
				downSince.set(null);
				return Optional.empty();
			}
			Instant since = downSince.updateAndGet((s) -> (s != null) ? s : now);
			return longerThan(since, properties.outageThreshold(), now)
				.map((s) -> Observation.since(s, status.state().name().toLowerCase(Locale.ROOT)));
		});
	}

	@Bean
	ConditionCheck configInvalid(AccessConfigStore config) {
		return ConditionCheck.of(Condition.CONFIG_INVALID, (now) -> {
			AccessConfigStore.ReloadStatus status = config.status();
			if (status.loadedOk() || status.lastAttempt() == null) {
				return Optional.empty();
			}
			List<String> keys = status.invalidKeys();
			String path = String.valueOf(status.path());
			return Optional.of(keys.isEmpty() ? new Observation(status.lastAttempt(), "file", List.of(path))
					: new Observation(status.lastAttempt(), "keys", List.of(String.join(", ", keys), path)));
		});
	}

	@Bean
	ConditionCheck auditUnwritable(JsonLinesAuditLog audit) {
		return ConditionCheck.of(Condition.AUDIT_UNWRITABLE,
				(now) -> audit.unwritableSince().map((since) -> Observation.since(since)));
	}

	@Bean
	ConditionCheck webexUnreachable(WebexReachability reachability, AlertProperties properties) {
		return ConditionCheck.of(Condition.WEBEX_UNREACHABLE,
				(now) -> reachability.unreachableSince()
					.flatMap((since) -> longerThan(since, properties.outageThreshold(), now))
					.map((since) -> Observation.since(since)));
	}

	private static Optional<Instant> longerThan(Instant since, Duration threshold, Instant now) {
		return Duration.between(since, now).compareTo(threshold) >= 0 ? Optional.of(since) : Optional.empty();
	}

	/**
	 * Only the OAuth error code or status of a failed refresh: its description may quote
	 * the token endpoint.
	 */
	static String errorCode(String error) {
		int colon = error.indexOf(':');
		String code = (colon >= 0) ? error.substring(0, colon) : error;
		code = code.replaceAll("[^A-Za-z0-9_ .-]", "").trim();
		return (code.length() > 64) ? code.substring(0, 64) : code;
	}

}
