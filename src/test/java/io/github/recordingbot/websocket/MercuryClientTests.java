package io.github.recordingbot.websocket;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.github.recordingbot.BotProperties;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.recordingbot.conversation.ChatEvent;
import io.github.recordingbot.conversation.ChatEvent.Kind;
import io.github.recordingbot.conversation.ChatEvents;
import io.github.recordingbot.conversation.ChatEvents.Receipt;
import io.github.recordingbot.support.FakeMercury;
import io.github.recordingbot.support.FakeMercury.Connection;
import io.github.recordingbot.support.WebexFake;
import io.github.recordingbot.websocket.WebsocketStatus.State;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The websocket client against a fake Mercury and a fake device service: registration,
 * authorization, acks, keepalive, and what happens after each kind of close. Waits
 * between reconnects go to a recording sleeper, so nothing sleeps for real.
 */
class MercuryClientTests {

	static final WebexFake WEBEX = new WebexFake().start();

	static final String ALICE_UUID = "a11ce000-0000-4000-8000-000000000001";

	final FakeMercury mercury = new FakeMercury();

	final List<ChatEvent> submitted = new CopyOnWriteArrayList<>();

	final List<Duration> sleeps = new CopyOnWriteArrayList<>();

	final WebsocketMonitor monitor = new WebsocketMonitor(
			BotProperties.defaults().withMode(BotProperties.Mode.WEBSOCKET), Clock.systemUTC());

	MercuryClient client;

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
		if (this.client != null) {
			this.client.stop();
		}
		this.mercury.close();
	}

	MercuryClient start(Duration pingInterval, Duration pongTimeout) {
		return start(WEBEX.u2cUrl(), pingInterval, pongTimeout);
	}

	MercuryClient start(String u2cUrl, Duration pingInterval, Duration pongTimeout) {
		WebsocketProperties properties = new WebsocketProperties(java.net.URI.create(u2cUrl), "webex-recording-bot",
				pingInterval, pongTimeout, Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(32),
				List.of("localhost"));
		ChatEvents events = mock(ChatEvents.class);
		given(events.submit(any())).willAnswer((invocation) -> {
			this.submitted.add(invocation.getArgument(0));
			return Receipt.ACCEPTED;
		});
		DeviceRegistry registry = new DeviceRegistry(RestClient.create(), properties, WebexFake.BOT_TOKEN);
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
		this.client = new MercuryClient(registry, events, properties, this.monitor, WebexFake.BOT_TOKEN,
				HttpClient.newHttpClient(), scheduler, this.sleeps::add, Clock.systemUTC());
		this.client.start();
		return this.client;
	}

	MercuryClient start() {
		return start(Duration.ofSeconds(15), Duration.ofSeconds(14));
	}

	@Test
	void registersThroughU2cThenAuthorizesWithTheBotToken() {
		start();

		Connection connection = this.mercury.awaitAuthorized(1);

		List<LoggedRequest> calls = WEBEX.deviceCalls();
		assertThat(calls).extracting((c) -> c.getMethod().getName() + " " + c.getUrl())
			.containsExactly("GET /u2c/api/v1/catalog?format=hostmap", "GET /wdm/api/v1/devices",
					"POST /wdm/api/v1/devices");
		assertThat(calls)
			.allSatisfy((c) -> assertThat(c.getHeader("Authorization")).isEqualTo("Bearer " + WebexFake.BOT_TOKEN));
		assertThat(calls.get(2).getBodyAsString()).contains("\"name\":\"webex-recording-bot\"");
		assertThat(connection.path).startsWith("/mercury/d1?outboundWireFormat=text");
		assertThat(connection.received.get(0).path("type").asString()).isEqualTo("authorization");
		assertThat(connection.received.get(0).path("data").path("token").asString())
			.isEqualTo("Bearer " + WebexFake.BOT_TOKEN);
		await().until(() -> this.monitor.status().state() == State.CONNECTED);
		assertThat(this.monitor.status().connectedSince()).isNotNull();
	}

	@Test
	void reusesItsOwnDeviceAndRemovesTheStaleOnesItMade() {
		WEBEX.mercuryDiscovery(this.mercury, """
				[{"url":"%1$s/devices/mine","webSocketUrl":"%2$s","name":"webex-recording-bot"},
				 {"url":"%1$s/devices/other-app","webSocketUrl":"%2$s","name":"python-spark-client"},
				 {"url":"%1$s/devices/mine-old","webSocketUrl":"%2$s","name":"webex-recording-bot"}]
				""".formatted(WEBEX.u2cUrl() + "/wdm/api/v1", this.mercury.webSocketUrl("mine")));
		start();

		this.mercury.awaitAuthorized(1);

		assertThat(WEBEX.deviceCalls()).extracting((c) -> c.getMethod().getName() + " " + c.getUrl())
			.containsExactly("GET /u2c/api/v1/catalog?format=hostmap", "GET /wdm/api/v1/devices",
					"DELETE /wdm/api/v1/devices/mine-old");
		assertThat(this.mercury.connections().get(0).path).startsWith("/mercury/mine");
	}

	@Test
	void acknowledgesEveryEnvelopeByItsOwnId() {
		start();
		Connection connection = this.mercury.awaitAuthorized(1);

		String activity = connection.sendActivity(Activities.post("11111111-0000-4000-8000-000000000001", ALICE_UUID));
		String other = connection.sendEnvelope("{\"eventType\":\"status.start_typing\"}");

		await().until(() -> connection.acks().size() == 3);
		assertThat(connection.acks()).containsExactly("e1", activity, other);
	}

	@Test
	void activitiesBecomeChatEvents() {
		start();
		Connection connection = this.mercury.awaitAuthorized(1);

		connection.sendActivity(Activities.post("11111111-0000-4000-8000-000000000002", ALICE_UUID));
		connection.sendActivity(Activities.cardAction("22222222-0000-4000-8000-000000000002", ALICE_UUID));
		connection.sendActivity(Activities.meetingShare("33333333-0000-4000-8000-000000000002", ALICE_UUID,
				"870f51ff287b41be84648412901e0402_I_167427437874906701"));
		connection.sendActivity(Activities.fileShare("44444444-0000-4000-8000-000000000002", ALICE_UUID));
		connection.sendActivity(
				Activities.post("55555555-0000-4000-8000-000000000002", "b0b0b0b0-0000-4000-8000-0000", "BOT"));

		await().until(() -> this.submitted.size() == 4);
		assertThat(this.submitted).extracting(ChatEvent::kind)
			.containsExactly(Kind.MESSAGE, Kind.CARD_ACTION, Kind.SHARE, Kind.MESSAGE);
		assertThat(this.submitted.get(0).eventId())
			.isEqualTo(WebexFake.id("MESSAGE", "11111111-0000-4000-8000-000000000002"));
		assertThat(this.submitted.get(1).eventId())
			.isEqualTo(WebexFake.id("ATTACHMENT_ACTION", "22222222-0000-4000-8000-000000000002"));
		assertThat(this.submitted.get(2).meetingInstanceId())
			.isEqualTo("870f51ff287b41be84648412901e0402_I_167427437874906701");
		assertThat(this.submitted).allSatisfy((e) -> {
			assertThat(e.personId()).isEqualTo(WebexFake.personId(ALICE_UUID));
			assertThat(e.personEmail()).isEqualTo("alice@example.com");
		});
	}

	/**
	 * The fakes run on localhost, the only trusted domain here; 127.0.0.1 reaches the
	 * same fakes under a foreign name, so a request that went there would be seen.
	 */
	@Nested
	class ForeignHosts {

		static String foreign(String url) {
			return url.replace("localhost", "127.0.0.1");
		}

		@Test
		void aCatalogNamingAForeignDeviceServiceGetsNoRequestWithTheToken() {
			WEBEX.server.stubFor(get(urlPathEqualTo("/u2c/api/v1/catalog")).willReturn(okJson(
					"{\"serviceLinks\":{\"wdm\":\"" + foreign(WEBEX.u2cUrl()) + "/wdm/api/v1\"},\"hostCatalog\":{}}")));

			start();

			await().until(() -> MercuryClientTests.this.monitor.status().lastClose() != null);
			assertThat(MercuryClientTests.this.monitor.status().lastClose()).startsWith("refused:")
				.contains("127.0.0.1")
				.contains("bot.websocket.trusted-domains");
			assertThat(WEBEX.deviceCalls()).extracting(LoggedRequest::getUrl)
				.isNotEmpty()
				.allMatch((url) -> url.startsWith("/u2c/api/v1/catalog"));
			assertThat(MercuryClientTests.this.mercury.connections()).isEmpty();
		}

		@Test
		void aDeviceWithAForeignWebsocketGetsNoAuthorization() {
			WEBEX.server.stubFor(post("/wdm/api/v1/devices")
				.willReturn(okJson("{\"url\":\"" + WEBEX.u2cUrl() + "/wdm/api/v1/devices/d1\",\"webSocketUrl\":\""
						+ foreign(MercuryClientTests.this.mercury.webSocketUrl("d1")) + "\"}")));

			start();

			await().until(() -> MercuryClientTests.this.monitor.status().lastClose() != null);
			assertThat(MercuryClientTests.this.monitor.status().lastClose()).startsWith("refused:")
				.contains("websocket");
			assertThat(MercuryClientTests.this.mercury.connections()).isEmpty();
		}

		@Test
		void aForeignCatalogIsNeverAskedAndTheClientStops() {
			start(foreign(WEBEX.u2cUrl()), Duration.ofSeconds(15), Duration.ofSeconds(14));

			assertThat(MercuryClientTests.this.monitor.status().state()).isEqualTo(State.STOPPED);
			assertThat(MercuryClientTests.this.monitor.status().lastClose()).startsWith("refused:")
				.contains("bot.websocket.u2c-url");
			assertThat(WEBEX.deviceCalls()).isEmpty();
		}

	}

	@Nested
	class Keepalive {

		@Test
		void pingsAndStaysConnectedWhilePongsCome() {
			start(Duration.ofMillis(100), Duration.ofMillis(80));
			Connection connection = MercuryClientTests.this.mercury.awaitAuthorized(1);

			await().until(() -> connection.framesOfType("ping").size() >= 3);

			assertThat(MercuryClientTests.this.mercury.connections()).hasSize(1);
			assertThat(connection.closedByBotWith).isNull();
		}

		@Test
		void reconnectsWhenThePongDoesNotCome() {
			MercuryClientTests.this.mercury.answerPings = false;
			start(Duration.ofMillis(100), Duration.ofMillis(80));
			Connection first = MercuryClientTests.this.mercury.awaitAuthorized(1);

			await().until(() -> first.closedByBotWith != null);
			assertThat(first.closedByBotWith).isEqualTo(1000);
			MercuryClientTests.this.mercury.answerPings = true;
			MercuryClientTests.this.mercury.awaitAuthorized(2);
			assertThat(MercuryClientTests.this.sleeps).first().isEqualTo(Duration.ofSeconds(1));
		}

	}

	@Nested
	class Closes {

		@Test
		void normalCloseReconnectsWithTheSameDevice() {
			start();
			MercuryClientTests.this.mercury.awaitAuthorized(1).close(1000, "idle");

			MercuryClientTests.this.mercury.awaitAuthorized(2);

			assertThat(MercuryClientTests.this.sleeps).containsExactly(Duration.ofSeconds(1));
			assertThat(WEBEX.deviceCalls().stream().filter((c) -> c.getMethod().getName().equals("POST"))).hasSize(1);
			await().until(() -> MercuryClientTests.this.monitor.status().reconnects() == 1);
		}

		@Test
		void replacedCloseStopsForGood() throws InterruptedException {
			start();
			MercuryClientTests.this.mercury.awaitAuthorized(1).close(4000, "replaced");

			await().until(() -> MercuryClientTests.this.monitor.status().state() == State.STOPPED);

			// no reconnect follows: one connection, held for a while
			await().during(Duration.ofMillis(200))
				.atMost(Duration.ofSeconds(5))
				.until(() -> MercuryClientTests.this.mercury.connections().size() == 1);
			assertThat(MercuryClientTests.this.sleeps).isEmpty();
			assertThat(MercuryClientTests.this.monitor.status().lastClose()).isEqualTo("closed 4000 replaced");
		}

		@Test
		void notAuthorizedCloseRegistersANewDevice() {
			start();
			MercuryClientTests.this.mercury.awaitAuthorized(1).close(4401, "NotAuthorized");

			MercuryClientTests.this.mercury.awaitAuthorized(2);

			assertThat(WEBEX.deviceCalls()).extracting((c) -> c.getMethod().getName() + " " + c.getUrl())
				.contains("DELETE /wdm/api/v1/devices/d1")
				.filteredOn((c) -> c.equals("POST /wdm/api/v1/devices"))
				.hasSize(2);
		}

		@Test
		void handshakeAnswering404RegistersANewDevice() {
			MercuryClientTests.this.mercury.refuseHandshakes.set(1);
			start();

			MercuryClientTests.this.mercury.awaitAuthorized(1);

			assertThat(MercuryClientTests.this.mercury.refusedPaths).hasSize(1);
			assertThat(WEBEX.deviceCalls().stream().filter((c) -> c.getMethod().getName().equals("POST"))).hasSize(2);
		}

		@Test
		void droppedConnectionsReconnectWithGrowingBackoff() {
			MercuryClientTests.this.mercury.dropAfterAuthorization.set(3);
			start();

			MercuryClientTests.this.mercury.awaitAuthorized(4);

			assertThat(MercuryClientTests.this.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
					Duration.ofSeconds(4));
		}

		@Test
		void backoffStartsAgainAfterAConnectionWorked() {
			MercuryClientTests.this.mercury.dropAfterAuthorization.set(2);
			start();
			MercuryClientTests.this.mercury.awaitAuthorized(3).drop();

			MercuryClientTests.this.mercury.awaitAuthorized(4);

			assertThat(MercuryClientTests.this.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
					Duration.ofSeconds(1));
		}

	}

}
