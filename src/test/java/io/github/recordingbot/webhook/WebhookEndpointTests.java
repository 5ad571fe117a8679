package io.github.recordingbot.webhook;

import java.time.Duration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import io.github.recordingbot.support.BotTestSupport;
import io.github.recordingbot.support.BotEndToEndTest;
import io.github.recordingbot.support.WebexFake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.github.recordingbot.support.BotTestSupport.WEBEX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /webhook} over HTTP: bad signatures get 401 and cause nothing, oversized
 * bodies get 413, signed but unusable bodies get 200 and cause nothing.
 */
class WebhookEndpointTests extends BotEndToEndTest {

	static final String ALICE = WebexFake.personId("a11ce000-0000-4000-8000-000000000001");

	@ParameterizedTest(name = "{0}")
	@MethodSource("badSignatures")
	void badSignatureGets401AndNoWebexCall(String name, String signature) throws Exception {
		byte[] body = body("bad-signature");
		HttpRequest.Builder request = request(body);
		if (signature != null) {
			request.header("X-Spark-Signature", signature);
		}

		HttpResponse<String> response = send(request);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.github");
		BotTestSupport.assertNoWebexCallDuring(Duration.ofMillis(200));
	}

	static Stream<Arguments> badSignatures() {
		byte[] body = body("bad-signature");
		String good = WebexFake.sign(WebexFake.SECRET, body);
		return Stream.of(Arguments.of("missing", null), Arguments.of("empty", ""),
				Arguments.of("wrong secret", WebexFake.sign("wrong-secret", body)),
				Arguments.of("other body", WebexFake.sign(WebexFake.SECRET, body("other"))),
				Arguments.of("truncated", good.substring(0, 39)), Arguments.of("too long", good + "00"),
				Arguments.of("sha1= prefix", "sha1=" + good), Arguments.of("not hex", "g".repeat(40)),
				Arguments.of("huge", "a".repeat(6_000)));
	}

	@Test
	void oversizedBodyGets413() throws Exception {
		byte[] body = new byte[64 * 1024 + 1];
		java.util.Arrays.fill(body, (byte) ' ');

		HttpResponse<String> response = send(
				request(body).header("X-Spark-Signature", WebexFake.sign(WebexFake.SECRET, body)));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(WEBEX.calls()).isEmpty();
	}

	@Test
	void signedButMalformedBodyGets200AndNoWebexCall() throws Exception {
		byte[] body = "{\"resource\":\"messages\",\"event\":\"created\",\"data\":{}}".getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> response = send(
				request(body).header("X-Spark-Signature", WebexFake.sign(WebexFake.SECRET, body)));

		assertThat(response.statusCode()).isEqualTo(200);
		BotTestSupport.assertNoWebexCallDuring(Duration.ofMillis(200));
	}

	@Test
	void signedDeliveryOlderThanTenMinutesGets200AndNoWebexCall() throws Exception {
		String stale = io.github.recordingbot.support.TestClock.now().minus(Duration.ofMinutes(11)).toString();
		byte[] body = WebexFake.withCreated(new String(body("stale"), StandardCharsets.UTF_8), stale)
			.getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> response = send(
				request(body).header("X-Spark-Signature", WebexFake.sign(WebexFake.SECRET, body)));

		assertThat(new String(body, StandardCharsets.UTF_8)).contains(stale);
		assertThat(response.statusCode()).isEqualTo(200);
		BotTestSupport.assertNoWebexCallDuring(Duration.ofMillis(200));
	}

	@Test
	void signedDeliveryOfAnotherResourceGets200AndNoWebexCall() throws Exception {
		byte[] body = WebexFake.envelope("memberships", "m1", ALICE, "alice@example.com", "direct")
			.getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> response = send(
				request(body).header("X-Spark-Signature", WebexFake.sign(WebexFake.SECRET, body)));

		assertThat(response.statusCode()).isEqualTo(200);
		BotTestSupport.assertNoWebexCallDuring(Duration.ofMillis(200));
	}

	static byte[] body(String id) {
		return WebexFake.envelope("messages", WebexFake.id("MESSAGE", id), ALICE, "alice@example.com", "direct")
			.getBytes(StandardCharsets.UTF_8);
	}

	HttpRequest.Builder request(byte[] body) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/webhook"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
	}

	static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
