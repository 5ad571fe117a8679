package io.github.recordingbot.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

import io.github.recordingbot.BotProperties;
import io.github.recordingbot.conversation.ChatEvent;
import io.github.recordingbot.conversation.ChatEvents;
import io.github.recordingbot.conversation.ChatEvents.Receipt;
import io.github.recordingbot.replicas.Leadership;
import io.github.recordingbot.support.FakeMercury;
import io.github.recordingbot.support.FakeMercury.Connection;
import io.github.recordingbot.support.WebexFake;
import io.github.recordingbot.websocket.WebsocketStatus.State;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The websocket held only while this process may: at once on a single node; from the
 * grant to the revocation with replicas, a revocation closing the websocket before it
 * returns, and nothing handed on after it.
 */
class WebsocketHolderTests {

	static final WebexFake WEBEX = new WebexFake().start();

	static final String ALICE_UUID = "a11ce000-0000-4000-8000-000000000001";

	final FakeMercury mercury = new FakeMercury();

	final List<ChatEvent> submitted = new CopyOnWriteArrayList<>();

	final WebsocketMonitor monitor = new WebsocketMonitor(
			BotProperties.defaults().withMode(BotProperties.Mode.WEBSOCKET), Clock.systemUTC());

	WebsocketHolder holder;

	@AfterAll
	static void stopWebex() {
		WEBEX.stop();
	}

	@BeforeEach
	void fakes() {
		WEBEX.reset();
		WEBEX.mercuryDiscovery(this.mercury, "[]");
	}

	@AfterEach
	void stop() {
		if (this.holder != null) {
			this.holder.revoked("the test ended");
			this.holder.stop();
		}
		this.mercury.close();
	}

	@Test
	void aSingleNodeConnectsAtOnceAndClosesTheWebsocketWhenItStops() {
		this.holder = holder(null);

		this.holder.start();
		Connection connection = this.mercury.awaitAuthorized(1);
		this.holder.stop();

		// our side closed it before stop() returned; the fake notices a moment later
		await().atMost(Duration.ofSeconds(2)).until(() -> connection.ended);
		assertThat(connection.closedByBotWith).isEqualTo(1000);
		assertThat(this.monitor.status().state()).isEqualTo(State.STOPPED);
		assertThat(this.monitor.status().holder()).isNull();
	}

	@Test
	void aGrantConnectsAndARevocationClosesTheWebsocketBeforeItReturns() {
		this.holder = holder((candidate) -> mock(Leadership.class));
		this.holder.start();
		assertThat(this.mercury.connections()).isEmpty();

		this.holder.granted();
		Connection connection = this.mercury.awaitAuthorized(1);
		await().until(() -> this.monitor.status().state() == State.CONNECTED);
		assertThat(this.monitor.status().describe())
			.isEqualTo("connected (this replica, replica-a, holds the websocket)");
		this.holder.revoked("database connection lost (SQL state 08006)");

		await().atMost(Duration.ofSeconds(2)).until(() -> connection.ended);
		assertThat(connection.closedByBotWith).isEqualTo(1000);
		WebsocketStatus status = this.monitor.status();
		assertThat(status.state()).isEqualTo(State.STANDBY);
		assertThat(status.lastClose())
			.isEqualTo("stopped holding the websocket: database connection lost (SQL state 08006)");
		assertThat(status.healthy()).isTrue();
		// a frame that still arrives is not handed on
		connection.sendActivity(Activities.post("11111111-0000-4000-8000-000000000009", ALICE_UUID));
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(this.submitted::isEmpty);
	}

	@Test
	void aRevocationDuringTheDeviceRegistrationOpensNoWebsocket() {
		String wdm = WEBEX.u2cUrl() + "/wdm/api/v1";
		WEBEX.server.stubFor(post("/wdm/api/v1/devices").willReturn(okJson("""
				{"url":"%s/devices/d1","webSocketUrl":"%s","name":"webex-recording-bot","deviceType":"DESKTOP"}
				""".formatted(wdm, this.mercury.webSocketUrl("d1"))).withFixedDelay(1000)));
		this.holder = holder((candidate) -> mock(Leadership.class));
		this.holder.start();
		this.holder.granted();
		await().until(() -> WEBEX.deviceCalls().size() == 3);

		this.holder.revoked("the lock is no longer held");

		await().during(Duration.ofMillis(1500))
			.atMost(Duration.ofSeconds(5))
			.until(this.mercury.connections()::isEmpty);
	}

	@Test
	void aStandbyNamesTheReplicaThatHoldsTheWebsocket() {
		this.holder = holder((candidate) -> mock(Leadership.class));

		this.holder.standingBy("replica-b", null);

		assertThat(this.monitor.status().describe()).isEqualTo("standby: replica replica-b holds the websocket");
		this.holder.standingBy(null, "database connection lost (SQL state 08001)");
		assertThat(this.monitor.status().describe()).isEqualTo("standby: another replica holds the websocket");
		assertThat(this.monitor.status().lastClose()).isEqualTo("database connection lost (SQL state 08001)");
	}

	WebsocketHolder holder(Function<Leadership.Candidate, Leadership> leadership) {
		WebsocketProperties properties = new WebsocketProperties(URI.create(WEBEX.u2cUrl()), "webex-recording-bot",
				Duration.ofSeconds(15), Duration.ofSeconds(14), Duration.ofSeconds(5), Duration.ofSeconds(1),
				Duration.ofSeconds(32), List.of("localhost"));
		ChatEvents events = mock(ChatEvents.class);
		given(events.submit(any())).willAnswer((invocation) -> {
			this.submitted.add(invocation.getArgument(0));
			return Receipt.ACCEPTED;
		});
		DeviceRegistry registry = new DeviceRegistry(RestClient.create(), properties, WebexFake.BOT_TOKEN);
		return new WebsocketHolder(
				() -> new MercuryClient(registry, events, properties, this.monitor, WebexFake.BOT_TOKEN,
						HttpClient.newHttpClient(), Executors.newSingleThreadScheduledExecutor(), (wait) -> {
						}, Clock.systemUTC()),
				leadership, this.monitor, "replica-a");
	}

}
