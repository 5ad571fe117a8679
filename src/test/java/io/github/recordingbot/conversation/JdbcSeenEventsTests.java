package io.github.recordingbot.conversation;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.recordingbot.support.MutableClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The de-duplication row as a durable inbox, on a real PostgreSQL: who takes an event,
 * when another replica may take it over, and when the bot gives up on it.
 */
class JdbcSeenEventsTests {

	static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	static final SeenEventsProperties INBOX = new SeenEventsProperties(Duration.ofMinutes(2), 3,
			Duration.ofSeconds(30));

	static EmbeddedPostgres postgres;

	static JdbcTemplate jdbc;

	/** A row written by the version before the inbox, as the upgrade left it. */
	static Map<String, Object> upgraded;

	final MutableClock clock = new MutableClock(NOW);

	final JdbcSeenEvents replicaA = new JdbcSeenEvents(jdbc, SeenEventsConfiguration.WINDOW, INBOX, "replica-a",
			this.clock);

	final JdbcSeenEvents replicaB = new JdbcSeenEvents(jdbc, SeenEventsConfiguration.WINDOW, INBOX, "replica-b",
			this.clock);

	@BeforeAll
	static void start() throws IOException {
		postgres = EmbeddedPostgres.start();
		Flyway flyway = Flyway.configure()
			.dataSource(postgres.getPostgresDatabase())
			.locations("classpath:db/migration/postgresql")
			.target("4")
			.load();
		flyway.migrate();
		jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
		// a row of the version before the inbox: de-duplication only
		jdbc.update("INSERT INTO processed_event (event_key, seen_at) VALUES ('MESSAGE:before-upgrade', ?)",
				OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));
		Flyway.configure()
			.dataSource(postgres.getPostgresDatabase())
			.locations("classpath:db/migration/postgresql")
			.load()
			.migrate();
		upgraded = jdbc.queryForMap("SELECT * FROM processed_event WHERE event_key = 'MESSAGE:before-upgrade'");
	}

	@AfterAll
	static void stop() throws IOException {
		postgres.close();
	}

	@BeforeEach
	void empty() {
		jdbc.update("DELETE FROM processed_event");
	}

	@Test
	void aRowOfThePreviousVersionIsFinishedAfterTheUpgradeAndSoNeverTakenOver() {
		// it carries nothing to handle the event with again
		assertThat(upgraded.get("done_at")).isNotNull().isEqualTo(upgraded.get("seen_at"));
		assertThat(upgraded).containsEntry("event_id", null).containsEntry("attempts", 1);
	}

	@Test
	void theFirstSightingTakesTheEventAndStoresItsEnvelopeButNoEmail() {
		ChatEvent event = event("e1");

		assertThat(this.replicaA.firstSighting(event)).isTrue();
		assertThat(this.replicaB.firstSighting(event)).isFalse();
		Map<String, Object> row = row(event);
		assertThat(row).containsEntry("kind", "MESSAGE")
			.containsEntry("event_id", "e1")
			.containsEntry("person_id", "person-e1")
			.containsEntry("claimed_by", "replica-a")
			.containsEntry("attempts", 1)
			.containsEntry("done_at", null);
		assertThat(row.values()).doesNotContain("e1@example.com");
	}

	@Test
	void aRedeliveryWithinTheLeaseIsDropped() {
		ChatEvent event = event("e2");
		this.replicaA.firstSighting(event);
		this.clock.advance(Duration.ofMinutes(2).minusSeconds(1));

		assertThat(this.replicaB.firstSighting(event)).isFalse();
		assertThat(this.replicaB.takeOverUnfinished(10)).isEmpty();
	}

	@Test
	void aRedeliveryOfAFinishedEventIsDroppedAfterTheLeaseToo() {
		ChatEvent event = event("e3");
		this.replicaA.firstSighting(event);
		this.replicaA.done(event);
		this.clock.advance(Duration.ofMinutes(30));

		assertThat(this.replicaB.firstSighting(event)).isFalse();
		assertThat(this.replicaB.takeOverUnfinished(10)).isEmpty();
		assertThat(this.replicaB.giveUpExhausted(10)).isEmpty();
	}

	@Test
	void aRedeliveryOfAnEventWhoseLeaseRanOutIsTakenOverOnce() {
		ChatEvent event = event("e4");
		this.replicaA.firstSighting(event);
		this.clock.advance(Duration.ofMinutes(2));

		assertThat(this.replicaB.firstSighting(event)).isTrue();
		assertThat(this.replicaA.firstSighting(event)).isFalse();
		assertThat(this.replicaA.takeOverUnfinished(10)).isEmpty();
		assertThat(row(event)).containsEntry("claimed_by", "replica-b").containsEntry("attempts", 2);
	}

	@Test
	void anUnfinishedEventIsTakenOverAfterTheLeaseWithTheEnvelopeItArrivedWith() {
		ChatEvent event = new ChatEvent(ChatEvent.Kind.SHARE, "e5", "person-e5", "e5@example.com", "instance-5",
				NOW.minusMillis(1234));
		this.replicaA.firstSighting(event);
		this.clock.advance(Duration.ofSeconds(119));
		assertThat(this.replicaB.takeOverUnfinished(10)).isEmpty();
		this.clock.advance(Duration.ofSeconds(1));

		assertThat(this.replicaB.takeOverUnfinished(10)).containsExactly(new ChatEvent(ChatEvent.Kind.SHARE, "e5",
				"person-e5", null, "instance-5", NOW.minusMillis(1234).truncatedTo(ChronoUnit.MICROS)));
		assertThat(this.replicaA.takeOverUnfinished(10)).isEmpty();
		assertThat(row(event)).containsEntry("claimed_by", "replica-b").containsEntry("attempts", 2);
	}

	@Test
	void aWorkerStartingOnAnEventRenewsTheLeaseSoTheQueueWaitDoesNotCount() {
		ChatEvent event = event("e10");
		this.replicaA.firstSighting(event);
		this.clock.advance(Duration.ofSeconds(100));

		assertThat(this.replicaA.start(event)).isTrue();
		this.clock.advance(Duration.ofSeconds(100));

		assertThat(this.replicaB.takeOverUnfinished(10)).isEmpty();
		assertThat(this.replicaB.firstSighting(event)).isFalse();
	}

	@Test
	void anEventTakenOverWhileItWaitedInTheQueueIsDroppedByTheReplicaThatQueuedIt() {
		ChatEvent event = event("e11");
		this.replicaA.firstSighting(event);
		this.clock.advance(Duration.ofMinutes(3));
		assertThat(this.replicaB.takeOverUnfinished(10)).hasSize(1);

		assertThat(this.replicaA.start(event)).isFalse();
		assertThat(this.replicaB.start(event)).isTrue();
		this.replicaB.done(event);
		assertThat(this.replicaA.start(event)).isFalse();
	}

	@Test
	void replicasLookingAtOnceTakeEachUnfinishedEventOnce() throws Exception {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			ids.add("many-" + i);
			this.replicaA.firstSighting(event("many-" + i));
		}
		this.clock.advance(Duration.ofMinutes(3));
		JdbcSeenEvents[] replicas = { this.replicaA, this.replicaB };

		List<ChatEvent> taken = new ArrayList<>();
		ExecutorService threads = Executors.newFixedThreadPool(8);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<List<ChatEvent>>> results = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				JdbcSeenEvents replica = replicas[i % 2];
				results.add(threads.submit((Callable<List<ChatEvent>>) () -> {
					go.await();
					return replica.takeOverUnfinished(7);
				}));
			}
			go.countDown();
			for (Future<List<ChatEvent>> result : results) {
				taken.addAll(result.get(10, TimeUnit.SECONDS));
			}
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(taken).extracting(ChatEvent::eventId).doesNotHaveDuplicates();
		assertThat(taken.size() + this.replicaB.takeOverUnfinished(100).size()).isEqualTo(40);
	}

	@Test
	void anEventTakenAsOftenAsAllowedIsGivenUpOnceAndItsRedeliveryDropped() {
		ChatEvent event = event("e6");
		this.replicaA.firstSighting(event);
		this.clock.advance(Duration.ofMinutes(3));
		assertThat(this.replicaB.takeOverUnfinished(10)).hasSize(1);
		this.clock.advance(Duration.ofMinutes(3));
		assertThat(this.replicaA.firstSighting(event)).isTrue();
		this.clock.advance(Duration.ofMinutes(3));

		assertThat(this.replicaB.firstSighting(event)).isFalse();
		assertThat(this.replicaB.takeOverUnfinished(10)).isEmpty();
		assertThat(this.replicaB.giveUpExhausted(10)).extracting(ChatEvent::eventId).containsExactly("e6");
		assertThat(this.replicaA.giveUpExhausted(10)).isEmpty();
		assertThat(this.replicaA.firstSighting(event)).isFalse();
		assertThat(row(event).get("done_at")).isNotNull();
	}

	@Test
	void theCleanUpDeletesFinishedRowsPastTheWindowAndKeepsUnfinishedOnes() {
		ChatEvent finished = event("e7");
		ChatEvent unfinished = event("e8");
		this.replicaA.firstSighting(finished);
		this.replicaA.done(finished);
		this.replicaA.firstSighting(unfinished);
		this.clock.advance(SeenEventsConfiguration.WINDOW);

		this.replicaA.deleteExpired();

		assertThat(
				jdbc.queryForList("SELECT event_id FROM processed_event WHERE event_id IN ('e7', 'e8')", String.class))
			.containsExactly("e8");
		assertThat(this.replicaB.firstSighting(finished)).isTrue();
	}

	@Test
	void anEventForgottenBecauseTheQueueWasFullIsTakenAgainByItsNextDelivery() {
		ChatEvent event = event("e9");
		this.replicaA.firstSighting(event);
		this.replicaA.forget(event);

		assertThat(this.replicaB.firstSighting(event)).isTrue();
		assertThat(row(event)).containsEntry("attempts", 1);
	}

	static ChatEvent event(String id) {
		return new ChatEvent(ChatEvent.Kind.MESSAGE, id, "person-" + id, id + "@example.com", null, NOW);
	}

	static Map<String, Object> row(ChatEvent event) {
		return jdbc.queryForMap("SELECT * FROM processed_event WHERE event_key = ?", SeenEvents.key(event));
	}

}
