package io.github.recordingbot.access;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import io.github.recordingbot.support.Concurrently;
import io.github.recordingbot.access.AccessConfig.RateLimit;
import io.github.recordingbot.access.RateLimiter.Admission;
import io.github.recordingbot.support.MutableClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of {@link RateLimiterTests} with the windows in a real PostgreSQL, migrated
 * as the bot migrates it; and what only a shared store has to get right: two replicas
 * count one sender together, concurrent requests on both never pass the limit, and a
 * database that does not answer refuses the request.
 */
class PostgreSqlRateLimiterTests extends RateLimiterTests {

	static EmbeddedPostgres postgres;

	@BeforeAll
	static void start() throws IOException {
		postgres = EmbeddedPostgres.start();
		Flyway.configure()
			.dataSource(postgres.getPostgresDatabase())
			.locations("classpath:db/migration/postgresql")
			.load()
			.migrate();
	}

	@AfterAll
	static void stop() throws IOException {
		postgres.close();
	}

	@BeforeEach
	void emptyTheWindows() {
		new JdbcTemplate(postgres.getPostgresDatabase()).update("DELETE FROM rate_limit_window");
	}

	@Override
	RateLimiter limiter(MutableClock clock) {
		return replica(clock);
	}

	static RateLimiter replica(MutableClock clock) {
		return new RateLimiter(clock,
				new JdbcRateLimitWindows(new NamedParameterJdbcTemplate(postgres.getPostgresDatabase())));
	}

	@Test
	void twoReplicasCountOneSenderTogether() {
		RateLimiter other = replica(this.clock);
		for (int i = 0; i < 10; i++) {
			RateLimiter replica = (i % 2 == 0) ? this.limiter : other;
			assertThat(replica.admit("alice", "123456789", DEFAULTS).allowed()).isTrue();
			this.clock.advance(Duration.ofSeconds(1));
		}

		Admission first = this.limiter.admit("alice", "123456789", DEFAULTS);
		Admission second = other.admit("alice", "123456789", DEFAULTS);

		assertThat(List.of(first, second)).allSatisfy((refused) -> {
			assertThat(refused.allowed()).isFalse();
			assertThat(refused.reason()).isEqualTo("requests_per_minute");
			assertThat(refused.retryAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
		});
		assertThat(other.admit("bob", "123456789", DEFAULTS).allowed()).isTrue();
	}

	@Test
	void concurrentRequestsOfOneSenderOnTwoReplicasNeverExceedEitherLimit() throws Exception {
		RateLimiter[] replicas = { this.limiter, replica(this.clock) };

		List<Admission> perMinute = Concurrently.run(100, 16,
				(i) -> replicas[i % 2].admit("carol", "123456789", DEFAULTS));
		this.clock.advance(Duration.ofMinutes(1));
		List<Admission> perDay = Concurrently.run(100, 16,
				(i) -> replicas[i % 2].admit("dave", String.valueOf(100_000_000 + i), new RateLimit(1000, 20)));

		assertThat(perMinute.stream().filter(Admission::allowed)).hasSize(10);
		assertThat(perMinute.stream().filter((a) -> !a.allowed()))
			.allSatisfy((refused) -> assertThat(refused.reason()).isEqualTo("requests_per_minute"));
		assertThat(perDay.stream().filter(Admission::allowed)).hasSize(20);
		assertThat(perDay.stream().filter((a) -> !a.allowed()))
			.allSatisfy((refused) -> assertThat(refused.reason()).isEqualTo("meetings_per_day"));
	}

	@Test
	void windowsOfSendersQuietForADayAreDeleted() {
		this.limiter.admit("erin", "123456789", DEFAULTS);
		this.clock.advance(Duration.ofHours(23));
		this.limiter.admit("frank", "123456789", DEFAULTS);
		this.clock.advance(Duration.ofHours(1));
		JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());

		new RateLimitConfiguration.Cleanup(jdbc, this.clock).run();

		assertThat(jdbc.queryForList("SELECT sender FROM rate_limit_window", String.class)).containsExactly("frank");
	}

	@Test
	void whenTheDatabaseDoesNotAnswerTheRequestIsRefusedForAMinute() {
		DriverManagerDataSource unreachable = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/bot", "bot",
				"");
		RateLimiter limiter = new RateLimiter(this.clock,
				new JdbcRateLimitWindows(new NamedParameterJdbcTemplate(unreachable)));

		Admission refused = limiter.admit("alice", "123456789", DEFAULTS);

		assertThat(refused.allowed()).isFalse();
		assertThat(refused.reason()).isEqualTo("rate_limit_unavailable");
		assertThat(refused.retryAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
	}

}
