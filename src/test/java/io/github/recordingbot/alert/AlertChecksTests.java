package io.github.recordingbot.alert;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.recordingbot.BotProperties;
import io.github.recordingbot.alert.ConditionCheck.Observation;
import io.github.recordingbot.audit.AuditProperties;
import io.github.recordingbot.audit.AuditRecord;
import io.github.recordingbot.audit.JsonLinesAuditLog;
import io.github.recordingbot.support.MutableClock;
import io.github.recordingbot.websocket.WebsocketMonitor;
import io.github.recordingbot.websocket.WebsocketMonitorFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks over facts that the end-to-end tests cannot move: the audit log's directory
 * and the websocket transport.
 */
class AlertChecksTests {

	static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

	final MutableClock clock = new MutableClock(START);

	final AlertChecks checks = new AlertChecks();

	@Test
	void auditUnwritableHoldsFromTheFailureUntilTheNextLineIsWritten(@TempDir Path dir) throws Exception {
		Path logDir = dir.resolve("log");
		Files.writeString(logDir, "a file where the directory should be");
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("clock", (Clock) this.clock);
		JsonLinesAuditLog audit = new JsonLinesAuditLog(BotProperties.defaults().withLogDir(logDir),
				new AuditProperties(DataSize.ofMegabytes(1), false, Duration.ofDays(1), 0),
				beans.getBeanProvider(Clock.class));
		ConditionCheck check = this.checks.auditUnwritable(audit);

		assertThat(check.observe(START)).contains(Observation.since(START));

		Files.delete(logDir);
		this.clock.advance(Duration.ofMinutes(1));
		audit.write(new AuditRecord(null, "req-1", "evt-1", null, "direct", "help", null, null, null,
				AuditRecord.Decision.INVALID, null, List.of(), List.of(), 1, 0));

		assertThat(check.observe(this.clock.instant())).isEmpty();
	}

	@Test
	void websocketDownCountsOnlyAfterTheOutageThresholdAndEndsWhenConnected() {
		WebsocketMonitor websocket = new WebsocketMonitor(
				BotProperties.defaults().withMode(BotProperties.Mode.WEBSOCKET), this.clock);
		ConditionCheck check = this.checks.websocketDown(websocket, AlertsTests.properties());

		assertThat(check.observe(START)).isEmpty();
		WebsocketMonitorFixture.waiting(websocket);
		assertThat(check.observe(START.plus(Duration.ofMinutes(4)))).isEmpty();
		assertThat(check.observe(START.plus(Duration.ofMinutes(5)))).contains(Observation.since(START, "waiting"));

		WebsocketMonitorFixture.connected(websocket);
		assertThat(check.observe(START.plus(Duration.ofMinutes(6)))).isEmpty();
	}

	@Test
	void websocketDownNeverHoldsInWebhookMode() {
		WebsocketMonitor websocket = new WebsocketMonitor(BotProperties.defaults(), this.clock);
		ConditionCheck check = this.checks.websocketDown(websocket, AlertsTests.properties());

		check.observe(START);

		assertThat(check.observe(START.plus(Duration.ofHours(1)))).isEmpty();
	}

	@Test
	void aFailedRefreshIsDescribedByItsErrorCodeOnly() {
		assertThat(AlertChecks.errorCode("invalid_client: Client authentication failed for secret abc"))
			.isEqualTo("invalid_client");
		assertThat(AlertChecks.errorCode("server_error")).isEqualTo("server_error");
	}

}
