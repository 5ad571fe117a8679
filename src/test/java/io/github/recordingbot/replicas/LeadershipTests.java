package io.github.recordingbot.replicas;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Leader election by a session advisory lock on a real PostgreSQL: one leader among
 * candidates, takeover when the leader stops or its session ends, and a leader whose
 * database goes away, or stops answering, stops leading.
 */
class LeadershipTests {

	static final long KEY = 0x5265_6342_6f74_00ffL;

	static final Duration CHECK = Duration.ofMillis(200);

	static final Duration TIMEOUT = Duration.ofSeconds(1);

	static EmbeddedPostgres postgres;

	final List<Leadership> started = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void start() throws IOException {
		postgres = EmbeddedPostgres.start();
	}

	@AfterAll
	static void close() throws IOException {
		postgres.close();
	}

	@AfterEach
	void stopAll() {
		this.started.forEach(Leadership::stop);
	}

	@Test
	void oneOfTwoCandidatesLeadsAndTheOtherKnowsWhich() {
		Recorder a = new Recorder();
		Recorder b = new Recorder();
		Leadership first = start(postgres, "a", a);
		await().atMost(Duration.ofSeconds(10)).until(first::leading);
		Leadership second = start(postgres, "b", b);

		await().atMost(Duration.ofSeconds(10)).until(() -> b.holder != null);
		await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> !second.leading());
		assertThat(b.holder).isEqualTo("a");
		assertThat(b.granted).hasValue(0);
		assertThat(a.granted).hasValue(1);
		assertThat(a.revoked).isEmpty();
	}

	@Test
	void whenTheLeaderStopsItsJobEndsBeforeTheOtherTakesOver() {
		Recorder a = new Recorder();
		Leadership first = start(postgres, "a", a);
		await().atMost(Duration.ofSeconds(10)).until(first::leading);
		Recorder b = new Recorder();
		b.otherLeader = a;
		Leadership second = start(postgres, "b", b);
		await().atMost(Duration.ofSeconds(10)).until(() -> "a".equals(b.holder));

		first.stop();

		assertThat(a.revoked).containsExactly("shut down");
		await().atMost(Duration.ofSeconds(10)).until(second::leading);
		assertThat(b.overlapped).as("granted while the other still led").isFalse();
	}

	@Test
	void whenTheLeadersSessionEndsItStopsAndAHealthyReplicaTakesOver() {
		Recorder a = new Recorder();
		Leadership first = start(postgres, "a", a);
		await().atMost(Duration.ofSeconds(10)).until(first::leading);
		Recorder b = new Recorder();
		b.otherLeader = a;
		Leadership second = start(postgres, "b", b);
		await().atMost(Duration.ofSeconds(10)).until(() -> "a".equals(b.holder));

		// the server ends the leader's session, as when its process is killed
		new JdbcTemplate(postgres.getPostgresDatabase()).queryForList(
				"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?", Boolean.class,
				LockSession.APPLICATION_NAME + "a");

		await().atMost(Duration.ofSeconds(10)).until(second::leading);
		assertThat(a.revoked).singleElement().asString().startsWith("database connection lost");
		assertThat(b.overlapped).as("granted while the other still led").isFalse();
		// back, it stands by: the other leads
		await().atMost(Duration.ofSeconds(10)).until(() -> "b".equals(a.holder));
		assertThat(first.leading()).isFalse();
		assertThat(a.granted).hasValue(1);
	}

	@Test
	void aLeaderWhoseDatabaseGoesAwayStopsLeading() throws IOException {
		EmbeddedPostgres own = EmbeddedPostgres.start();
		try {
			Recorder a = new Recorder();
			Leadership leader = start(own, "a", a);
			await().atMost(Duration.ofSeconds(10)).until(leader::leading);

			own.close();

			await().atMost(CHECK.plus(TIMEOUT).plusSeconds(2)).until(() -> !a.revoked.isEmpty());
			assertThat(leader.leading()).isFalse();
			assertThat(a.revoked.get(0)).startsWith("database connection lost");
			await().atMost(Duration.ofSeconds(5)).until(() -> a.problem != null);
			assertThat(a.problem).startsWith("database connection lost");
		}
		finally {
			own.close();
		}
	}

	@Test
	void aLeaderCutOffFromItsDatabaseWithoutAnyCloseStopsLeadingWithinTheTimeout() throws IOException {
		try (Relay relay = new Relay(postgres.getPort())) {
			Recorder a = new Recorder();
			Leadership leader = start(new DriverManagerDataSource(
					"jdbc:postgresql://localhost:" + relay.port() + "/postgres", "postgres", ""), "a", a);
			await().atMost(Duration.ofSeconds(10)).until(leader::leading);

			// packets go nowhere, and nothing closes: a network partition
			relay.frozen = true;

			await().atMost(CHECK.plus(TIMEOUT).plusSeconds(2)).until(() -> !a.revoked.isEmpty());
			assertThat(a.revoked.get(0)).startsWith("database connection lost");
			assertThat(leader.leading()).isFalse();
		}
	}

	Leadership start(EmbeddedPostgres database, String name, Recorder recorder) {
		return start(database.getPostgresDatabase(), name, recorder);
	}

	Leadership start(DataSource connections, String name, Recorder recorder) {
		Leadership leadership = new Leadership(connections, KEY, name, CHECK, TIMEOUT, recorder, Clock.systemUTC());
		recorder.self = leadership;
		this.started.add(leadership);
		leadership.start();
		return leadership;
	}

	/**
	 * A TCP relay to the database that can stop passing bytes on without closing
	 * anything.
	 */
	static final class Relay implements AutoCloseable {

		final ServerSocket server;

		final List<Socket> sockets = new CopyOnWriteArrayList<>();

		volatile boolean frozen;

		Relay(int target) throws IOException {
			this.server = new ServerSocket(0);
			Thread acceptor = new Thread(() -> {
				while (!this.server.isClosed()) {
					try {
						Socket client = this.server.accept();
						Socket upstream = new Socket("localhost", target);
						this.sockets.add(client);
						this.sockets.add(upstream);
						pump(client, upstream);
						pump(upstream, client);
					}
					catch (IOException ex) {
						return;
					}
				}
			}, "relay");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		int port() {
			return this.server.getLocalPort();
		}

		void pump(Socket from, Socket to) {
			Thread pump = new Thread(() -> {
				byte[] buffer = new byte[8192];
				try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
					for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
						if (!this.frozen) {
							out.write(buffer, 0, n);
							out.flush();
						}
					}
				}
				catch (IOException ex) {
					// one side went away
				}
			}, "relay-pump");
			pump.setDaemon(true);
			pump.start();
		}

		@Override
		public void close() throws IOException {
			this.server.close();
			for (Socket socket : this.sockets) {
				socket.close();
			}
		}

	}

	static final class Recorder implements Leadership.Candidate {

		final AtomicInteger granted = new AtomicInteger();

		final List<String> revoked = new CopyOnWriteArrayList<>();

		volatile String holder;

		volatile String problem;

		volatile Leadership self;

		volatile Recorder otherLeader;

		volatile boolean leading;

		volatile boolean overlapped;

		@Override
		public void granted() {
			this.granted.incrementAndGet();
			this.leading = true;
			Recorder other = this.otherLeader;
			if (other != null && other.leading) {
				this.overlapped = true;
			}
		}

		@Override
		public void revoked(String reason) {
			this.leading = false;
			this.revoked.add(reason);
		}

		@Override
		public void standingBy(String holder, String problem) {
			this.holder = holder;
			this.problem = problem;
		}

	}

}
