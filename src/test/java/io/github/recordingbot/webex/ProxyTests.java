package io.github.recordingbot.webex;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.recordingbot.support.FakeMercury;
import io.github.recordingbot.support.ForwardProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.MediaType;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every outbound client goes through the proxy when one is set: the Webex REST clients,
 * the clients built on {@link WebexHttp} (OAuth token endpoint, U2C and device service),
 * and the JDK websocket client through a CONNECT tunnel. The fakes run on localhost,
 * which {@link ProxySettings} proxies like any host unless {@code NO_PROXY} names it.
 */
class ProxyTests {

	static final String PERSON = """
			{"id":"Y2lzY29zcGFyazovL3VzL1BFT1BMRS9ib3Q","emails":["bot@webex.bot"],"displayName":"Recording Bot",
			 "orgId":"Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9vcmc","type":"bot"}
			""";

	static final WireMockServer webex = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-15T10:00:00Z"), ZoneOffset.UTC);

	ForwardProxy proxy;

	@BeforeAll
	static void startWebex() {
		webex.start();
	}

	@AfterAll
	static void stopWebex() {
		webex.stop();
	}

	@BeforeEach
	void startProxy() {
		webex.resetAll();
		webex.stubFor(get("/v1/people/me").willReturn(okJson(PERSON)));
		this.proxy = new ForwardProxy();
	}

	@AfterEach
	void stopProxy() throws IOException {
		this.proxy.close();
	}

	static WebexProperties properties(String proxyUrl, String noProxy) {
		return WebexProperties
			.of(URI.create(webex.baseUrl() + "/v1"), "bot-token", null, Duration.ofSeconds(2), Duration.ofSeconds(5))
			.withProxy(new WebexProperties.Proxy(proxyUrl, proxyUrl, noProxy));
	}

	static Wire wire(WebexProperties properties) {
		ProxySettings settings = ProxySettings.from(properties.proxy(), (key) -> null);
		ProxyFailures failures = new ProxyFailures(settings, CLOCK);
		WebexHttp http = new WebexHttp(properties, settings, failures);
		return new Wire(new WebexClient(properties, RestClient.builder(), http, List.of()), http, failures);
	}

	@Test
	void theBotClientGoesThroughTheProxy() {
		Wire wire = wire(properties(this.proxy.url(), null));

		assertThat(wire.client().me("bot-token").displayName()).isEqualTo("Recording Bot");

		assertThat(this.proxy.requests()).containsExactly("GET " + webex.baseUrl() + "/v1/people/me HTTP/1.1");
		webex.verify(getRequestedFor(urlPathEqualTo("/v1/people/me")).withHeader("Authorization",
				equalTo("Bearer bot-token")));
	}

	@Test
	void aClientOnTheSharedSetupPostsThroughTheProxy() {
		webex.stubFor(post("/v1/access_token").willReturn(okJson("{\"access_token\":\"a\"}")));
		WebexHttp http = wire(properties(this.proxy.url(), null)).http();

		String answer = http.configure(RestClient.builder())
			.build()
			.post()
			.uri(webex.baseUrl() + "/v1/access_token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("grant_type=refresh_token&refresh_token=r")
			.retrieve()
			.body(String.class);

		assertThat(answer).contains("access_token");
		assertThat(this.proxy.requests()).containsExactly("POST " + webex.baseUrl() + "/v1/access_token HTTP/1.1");
		webex.verify(postRequestedFor(urlPathEqualTo("/v1/access_token"))
			.withRequestBody(equalTo("grant_type=refresh_token&refresh_token=r")));
	}

	@Test
	void aNoProxyHostIsReachedDirectly() {
		Wire wire = wire(properties(this.proxy.url(), "example.com, localhost"));

		wire.client().me("bot-token");

		assertThat(this.proxy.requests()).isEmpty();
		webex.verify(getRequestedFor(urlPathEqualTo("/v1/people/me")));
	}

	@Test
	void theProxyGetsTheUserAndPasswordOfTheUrl() {
		this.proxy.requireCredentials("bot", "pa:ss");
		Wire wire = wire(properties(this.proxy.url().replace("//", "//bot:pa%3Ass@"), null));

		wire.client().me("bot-token");

		assertThat(this.proxy.requests()).hasSize(1);
		assertThat(wire.failures().last()).isEmpty();
	}

	@Test
	void theWebsocketOpensItsTunnelThroughTheProxy() throws Exception {
		try (FakeMercury mercury = new FakeMercury()) {
			ProxySettings settings = ProxySettings.from(new WebexProperties.Proxy(null, this.proxy.url(), null),
					(key) -> null);
			HttpClient http = settings.configure(HttpClient.newBuilder()).build();

			WebSocket socket = http.newWebSocketBuilder()
				.buildAsync(URI.create(mercury.webSocketUrl("device-1")), new WebSocket.Listener() {
				})
				.get(10, TimeUnit.SECONDS);
			socket.abort();

			assertThat(this.proxy.requests()).containsExactly("CONNECT localhost:" + mercury.port() + " HTTP/1.1");
		}
	}

	/**
	 * In a JVM of its own: the JDK reads {@code jdk.http.auth.tunneling.disabledSchemes}
	 * once, and in this one another test may have built a JDK client already.
	 */
	@Nested
	class WhenTheProxyWantsAPasswordFromTheWebsocket {

		@TempDir
		Path dir;

		@Test
		void theWebsocketTunnelSendsTheUserAndPasswordOfTheUrl() throws Exception {
			ProxyTests.this.proxy.requireCredentials("bot", "pa:ss");
			try (FakeMercury mercury = new FakeMercury()) {
				String output = inAFreshJvm(true, mercury);

				assertThat(output).contains("connected")
					.contains("Basic proxy authentication enabled for CONNECT tunnels")
					.doesNotContain("pa:ss")
					.doesNotContain("pa%3Ass");
				assertThat(ProxyTests.this.proxy.requests())
					.containsExactly("CONNECT localhost:" + mercury.port() + " HTTP/1.1");
				assertThat(ProxyTests.this.proxy.authorizations()).containsExactly(
						"Basic " + Base64.getEncoder().encodeToString("bot:pa:ss".getBytes(StandardCharsets.UTF_8)));
			}
		}

		@Test
		void withTheJdkDefaultTheTunnelIsRefused() throws Exception {
			ProxyTests.this.proxy.requireCredentials("bot", "pa:ss");
			try (FakeMercury mercury = new FakeMercury()) {
				String output = inAFreshJvm(false, mercury);

				assertThat(output).contains("refused").contains("407");
				assertThat(ProxyTests.this.proxy.requests()).isEmpty();
				assertThat(ProxyTests.this.proxy.authorizations()).isEmpty();
			}
		}

		private String inAFreshJvm(boolean enable, FakeMercury mercury) throws Exception {
			Path output = this.dir.resolve("output.txt");
			ProcessBuilder builder = new ProcessBuilder(
					Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
					System.getProperty("java.class.path"), Websocket.class.getName(),
					ProxyTests.this.proxy.url().replace("//", "//bot:pa%3Ass@"), mercury.webSocketUrl("device-1"),
					String.valueOf(enable))
				.redirectErrorStream(true)
				.redirectOutput(output.toFile());
			// an operator's flag would decide instead of the code under test
			builder.environment().remove("JAVA_TOOL_OPTIONS");
			builder.environment().remove("JDK_JAVA_OPTIONS");
			Process process = builder.start();
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the JVM ended").isTrue();
			return Files.readString(output);
		}

	}

	/**
	 * Opens a websocket through a proxy with credentials, after what the application does
	 * on start (or not), and prints {@code connected} or why it was refused.
	 */
	static final class Websocket {

		public static void main(String[] args) {
			String proxyUrl = args[0];
			if (Boolean.parseBoolean(args[2])) {
				TunnelBasicAuthentication
					.enable(new MockEnvironment().withProperty("webex.proxy.https-url", proxyUrl)
						.withProperty("webex.proxy.http-url", proxyUrl), System.getProperties())
					.ifPresent((note) -> System.out.println(note.text()));
			}
			ProxySettings settings = ProxySettings.from(new WebexProperties.Proxy(proxyUrl, proxyUrl, null),
					(key) -> null);
			HttpClient http = settings.configure(HttpClient.newBuilder()).build();
			try {
				http.newWebSocketBuilder().buildAsync(URI.create(args[1]), new WebSocket.Listener() {
				}).get(10, TimeUnit.SECONDS).abort();
				System.out.println("connected");
			}
			catch (Exception ex) {
				for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
					System.out.println("refused: " + cause);
				}
			}
			System.exit(0);
		}

	}

	@Nested
	class WhenTheProxyRefuses {

		@Test
		void a407FailsTheCallAsNoAnswerAndTellsTheOperator() {
			ProxyTests.this.proxy.requireCredentials("bot", "s3cret");
			Wire wire = wire(properties(ProxyTests.this.proxy.url().replace("//", "//bot:wrong@"), null));

			assertThatExceptionOfType(WebexException.class).isThrownBy(() -> wire.client().me("bot-token"))
				.satisfies((ex) -> assertThat(ex.status()).isEqualTo(407));

			assertThat(ProxyTests.this.proxy.requests()).isEmpty();
			webex.verify(0, getRequestedFor(urlPathEqualTo("/v1/people/me")));
			assertThat(wire.failures().last()).hasValueSatisfying((failure) -> {
				assertThat(failure.describe()).startsWith("localhost:")
					.contains("407 Proxy Authentication Required")
					.contains("check the user and password in HTTPS_PROXY")
					.doesNotContain("wrong");
			});
			assertThat(wire.failures().settings().describe()).endsWith(", with credentials").doesNotContain("wrong");
		}

		@Test
		void aProxyThatCannotBeReachedFailsTheCallAsNoAnswerAndTellsTheOperator() throws IOException {
			int closedPort;
			try (ServerSocket socket = new ServerSocket(0)) {
				closedPort = socket.getLocalPort();
			}
			Wire wire = wire(properties("http://localhost:" + closedPort, null));

			assertThatExceptionOfType(WebexException.class).isThrownBy(() -> wire.client().me("bot-token"))
				.satisfies((ex) -> assertThat(ex.status()).isZero());

			assertThat(wire.failures().last()).hasValueSatisfying((failure) -> assertThat(failure.describe())
				.startsWith("localhost:" + closedPort + " cannot be reached"));
		}

		@Test
		void aLaterAnswerThroughTheProxyClearsTheFailure() {
			ProxyTests.this.proxy.requireCredentials("bot", "s3cret");
			Wire refused = wire(properties(ProxyTests.this.proxy.url(), null));
			assertThatExceptionOfType(WebexException.class).isThrownBy(() -> refused.client().me("bot-token"));
			assertThat(refused.failures().last()).isPresent();

			refused.failures().answered(URI.create(webex.baseUrl() + "/v1/people/me"), 200);

			assertThat(refused.failures().last()).isEmpty();
		}

	}

	record Wire(WebexClient client, WebexHttp http, ProxyFailures failures) {
	}

}
