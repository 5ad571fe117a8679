package io.github.recordingbot.replicas;

import java.time.Duration;
import java.time.Instant;

import io.github.recordingbot.support.MutableClock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The heartbeats on the H2 schema the bot migrates: one row per replica, the list the
 * status page shows (every replica seen in the last hour on a shared database, this one
 * alone on H2), stale after a minute, stopped at a graceful shutdown, deleted after a
 * day.
 */
class HeartbeatsTests {

	static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

	final MutableClock clock = new MutableClock(START);

	JdbcTemplate jdbc;

	@BeforeEach
	void migrate() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:heartbeats-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/h2").load().migrate();
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Test
	void eachBeatUpdatesTheReplicasOneRowWithWhatItSaysAboutItself() {
		Heartbeats heartbeats = new Heartbeats(this.jdbc, this.clock, "replica-a", true);
		HeartbeatJob job = new HeartbeatJob(heartbeats, report("webhook", "officer not authorized"), this.clock);

		job.beat();
		this.clock.advance(Duration.ofSeconds(15));
		job.beat();

		assertThat(heartbeats.recent()).singleElement().satisfies((beat) -> {
			assertThat(beat.instanceId()).isEqualTo("replica-a");
			assertThat(beat.startedAt()).isEqualTo(START);
			assertThat(beat.lastSeen()).isEqualTo(START.plusSeconds(15));
			assertThat(beat.mode()).isEqualTo("webhook");
			assertThat(beat.version()).isNotBlank();
			assertThat(beat.health()).isEqualTo("officer not authorized");
			assertThat(beat.stale(this.clock.instant())).isFalse();
		});
	}

	@Test
	void onASharedDatabaseEveryReplicaSeenInTheLastHourIsListed() {
		Heartbeats a = new Heartbeats(this.jdbc, this.clock, "replica-a", true);
		new HeartbeatJob(a, report("webhook", "ok"), this.clock).beat();
		new HeartbeatJob(new Heartbeats(this.jdbc, this.clock, "replica-gone", true), report("webhook", "ok"),
				this.clock)
			.beat();
		this.clock.advance(Duration.ofMinutes(30));
		new HeartbeatJob(new Heartbeats(this.jdbc, this.clock, "replica-b", true), report("websocket", "ok"),
				this.clock)
			.beat();
		this.clock.advance(Duration.ofMinutes(31));

		assertThat(a.recent()).extracting(Heartbeat::instanceId).containsExactly("replica-b");
		assertThat(a.recent().get(0).stale(this.clock.instant())).isTrue();
		assertThat(a.recent().get(0).age(this.clock.instant())).isEqualTo(Duration.ofMinutes(31));
	}

	@Test
	void onH2OnlyThisInstanceIsListed() {
		new HeartbeatJob(new Heartbeats(this.jdbc, this.clock, "earlier-host", false), report("webhook", "ok"),
				this.clock)
			.beat();
		Heartbeats self = new Heartbeats(this.jdbc, this.clock, "this-host", false);
		new HeartbeatJob(self, report("webhook", "ok"), this.clock).beat();

		assertThat(self.recent()).extracting(Heartbeat::instanceId).containsExactly("this-host");
	}

	@Test
	void aReplicaSilentForOverAMinuteIsStale() {
		Heartbeats heartbeats = new Heartbeats(this.jdbc, this.clock, "replica-a", true);
		new HeartbeatJob(heartbeats, report("webhook", "ok"), this.clock).beat();

		this.clock.advance(Heartbeat.STALE_AFTER);
		assertThat(heartbeats.recent().get(0).stale(this.clock.instant())).isFalse();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(heartbeats.recent().get(0).stale(this.clock.instant())).isTrue();
	}

	@Test
	void aGracefulShutdownMarksTheReplicaStoppedAndNoLaterBeatUndoesIt() {
		Heartbeats heartbeats = new Heartbeats(this.jdbc, this.clock, "replica-a", true);
		HeartbeatJob job = new HeartbeatJob(heartbeats, report("webhook", "ok"), this.clock);
		job.beat();

		job.stop();
		job.beat();
		this.clock.advance(Duration.ofMinutes(10));

		Heartbeat stopped = heartbeats.recent().get(0);
		assertThat(stopped.health()).isEqualTo(Heartbeat.STOPPED);
		assertThat(stopped.stale(this.clock.instant())).isFalse();
	}

	@Test
	void rowsOfReplicasGoneForADayAreDeleted() {
		Heartbeats heartbeats = new Heartbeats(this.jdbc, this.clock, "replica-a", true);
		HeartbeatJob gone = new HeartbeatJob(new Heartbeats(this.jdbc, this.clock, "replica-gone", true),
				report("webhook", "ok"), this.clock);
		gone.beat();
		this.clock.advance(Duration.ofDays(1));
		HeartbeatJob job = new HeartbeatJob(heartbeats, report("webhook", "ok"), this.clock);
		job.beat();

		job.deleteGone();

		assertThat(this.jdbc.queryForList("SELECT instance_id FROM replica_heartbeat", String.class))
			.containsExactly("replica-a");
	}

	@Test
	void aDatabaseThatDoesNotAnswerCostsTheBeatOnly() {
		JdbcTemplate unreachable = new JdbcTemplate(
				new DriverManagerDataSource("jdbc:h2:mem:empty-" + System.nanoTime()));
		HeartbeatJob job = new HeartbeatJob(new Heartbeats(unreachable, this.clock, "replica-a", true),
				report("webhook", "ok"), this.clock);

		assertThatNoException().isThrownBy(job::beat);
	}

	static SelfReport report(String mode, String health) {
		return new SelfReport() {

			@Override
			public String mode() {
				return mode;
			}

			@Override
			public String health() {
				return health;
			}

		};
	}

}
