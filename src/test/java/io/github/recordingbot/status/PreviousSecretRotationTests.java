package io.github.recordingbot.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.github.recordingbot.support.BotTestSupport;
import io.github.recordingbot.support.MutableClock;
import io.github.recordingbot.support.TestClock;
import io.github.recordingbot.support.WebexFake;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A secret rotation through the whole bot: the previous secret verifies until the
 * operator registers the webhooks with the new one and for the grace period after it,
 * then gets 401; the status page says which, and until when.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class PreviousSecretRotationTests {

	static final String PREVIOUS = "the-previous-webhook-secret-of-32-chars";

	static final MutableClock CLOCK = new MutableClock(TestClock.START);

	@TestBean
	Clock clock;

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	static Clock clock() {
		return CLOCK;
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		BotTestSupport.properties(registry);
		registry.add("webhook.secret-previous", () -> PREVIOUS);
		registry.add("webhook.previous-secret-grace", () -> "1h");
	}

	@Test
	void previousSecretVerifiesUntilOneGracePeriodAfterRegistrationThenGets401() throws Exception {
		WebexFake webex = BotTestSupport.WEBEX;
		webex.reset();
		webex.server.stubFor(get(urlPathEqualTo("/v1/webhooks")).willReturn(okJson("{\"items\":[]}")));
		webex.server.stubFor(WireMock.post("/v1/webhooks").willReturn(okJson("{\"id\":\"new\"}")));
		Instant started = CLOCK.instant();

		CLOCK.advance(Duration.ofMinutes(10));
		assertThat(deliver(PREVIOUS)).isEqualTo(200);
		assertThat(statusPage()).contains("accepted until " + started.plus(Duration.ofHours(1)))
			.contains("no registration since the start");

		CLOCK.advance(Duration.ofMinutes(20));
		Instant registered = CLOCK.instant();
		assertThat(this.mvc
			.perform(post("/admin/webhooks/register").with(httpBasic("admin", "test-admin-password")).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
		assertThat(statusPage()).contains("accepted until " + registered.plus(Duration.ofHours(1)))
			.contains("webhooks registered with WEBHOOK_SECRET at " + registered);

		CLOCK.advance(Duration.ofMinutes(59));
		assertThat(deliver(PREVIOUS)).isEqualTo(200);

		CLOCK.advance(Duration.ofMinutes(2));
		assertThat(deliver(PREVIOUS)).isEqualTo(401);
		assertThat(deliver(WebexFake.SECRET)).isEqualTo(200);
		assertThat(statusPage()).contains("refused since " + registered.plus(Duration.ofHours(1)))
			.doesNotContain(PREVIOUS);
	}

	/**
	 * A signed delivery the bot ignores once verified: only the signature matters here.
	 */
	int deliver(String secret) throws Exception {
		byte[] body = WebexFake
			.envelope("memberships", WebexFake.id("MEMBERSHIP", "m-" + System.nanoTime()),
					WebexFake.personId("a11ce000-0000-4000-8000-00000000000b"), "alice@example.com", null)
			.getBytes(StandardCharsets.UTF_8);
		// /webhook is a servlet of its own: it is reached over HTTP, not through MockMvc
		return WebexFake.deliver(this.port, body, secret).statusCode();
	}

	String statusPage() throws Exception {
		return this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/")
				.with(httpBasic("admin", "test-admin-password")))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
