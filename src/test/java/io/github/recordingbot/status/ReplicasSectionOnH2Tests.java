package io.github.recordingbot.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

import io.github.recordingbot.replicas.Heartbeats;
import io.github.recordingbot.support.BotEndToEndTest;
import io.github.recordingbot.support.BotTestSupport;
import io.github.recordingbot.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One bot on its H2 file: the status page's "Replicas" section shows this instance from
 * its heartbeat, and nothing else the table may hold; rendering it asks Webex nothing.
 */
class ReplicasSectionOnH2Tests extends BotEndToEndTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Heartbeats heartbeats;

	@AfterEach
	void deleteOtherRows() {
		this.jdbc.update("DELETE FROM replica_heartbeat WHERE instance_id = 'replica-elsewhere'");
	}

	@Test
	void thePageShowsThisInstanceOnlyAndAsksWebexNothing() throws Exception {
		this.jdbc.update(
				"INSERT INTO replica_heartbeat (instance_id, started_at, last_seen, mode, version, health) "
						+ "VALUES ('replica-elsewhere', ?, ?, 'webhook', 'development', 'ok')",
				OffsetDateTime.ofInstant(TestClock.now(), ZoneOffset.UTC),
				OffsetDateTime.ofInstant(TestClock.now(), ZoneOffset.UTC));
		await().atMost(Duration.ofSeconds(20)).until(() -> !this.heartbeats.recent().isEmpty());
		BotTestSupport.WEBEX.server.resetRequests();

		String page = statusPage();

		assertThat(BotTestSupport.WEBEX.calls()).isEmpty();
		assertThat(this.heartbeats.shared()).isFalse();
		assertThat(page).contains("<h2>Replicas</h2>")
			.contains("This bot only")
			.contains(this.heartbeats.self() + " (this one)")
			.doesNotContain("replica-elsewhere")
			.doesNotContain(": stale");
	}

	String statusPage() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/"))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8)))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
