package io.github.recordingbot.status;

import io.github.recordingbot.support.BotEndToEndTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The status page login through the real security filter chain: failures are logged and,
 * after five from one address, that address gets 429 without its password being checked,
 * while other addresses and requests without credentials are unaffected. Each test uses
 * its own address, so that the shared context's memory of failures does not count.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleTests extends BotEndToEndTest {

	static final String PASSWORD = "test-admin-password";

	@Autowired
	MockMvc mvc;

	@Test
	void failedLoginIsLoggedWithoutThePassword(CapturedOutput output) throws Exception {
		assertThat(status(get("/"), "198.51.100.10", "guessed-secret-1")).isEqualTo(401);

		assertThat(output).contains("Status page login failed from 198.51.100.10 (1 of 5")
			.doesNotContain("guessed-secret-1");
	}

	@Test
	void afterFiveFailuresTheAddressGets429EvenWithTheRightPassword(CapturedOutput output) throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(status(get("/"), "198.51.100.20", "guess-" + i)).isEqualTo(401);
		}

		MvcResult refused = this.mvc.perform(get("/").with(from("198.51.100.20")).with(httpBasic("admin", PASSWORD)))
			.andReturn();

		assertThat(refused.getResponse().getStatus()).isEqualTo(429);
		assertThat(refused.getResponse().getHeader("Retry-After")).isNotBlank();
		assertThat(refused.getResponse().getContentType()).isEqualTo("application/problem+json");
		assertThat(output).contains("further attempts are refused until");
		assertThat(status(get("/"), "198.51.100.21", PASSWORD)).isEqualTo(200);
	}

	@Test
	void aLockedAddressStillReachesHealthAndTheWebhookWithoutCredentials() throws Exception {
		for (int i = 0; i < 5; i++) {
			status(get("/"), "198.51.100.30", "guess-" + i);
		}

		assertThat(this.mvc.perform(get("/actuator/health").with(from("198.51.100.30")))
			.andReturn()
			.getResponse()
			.getStatus()).isNotEqualTo(429);
		// /webhook is a servlet of its own, outside MockMvc's dispatcher: passing the
		// security filters without a 429 (or a login challenge) is the point here
		assertThat(this.mvc.perform(post("/webhook").with(from("198.51.100.30")).content("{}"))
			.andReturn()
			.getResponse()
			.getStatus()).isNotIn(429, 401);
	}

	int status(MockHttpServletRequestBuilder request, String address, String password) throws Exception {
		return this.mvc.perform(request.with(from(address)).with(httpBasic("admin", password)))
			.andReturn()
			.getResponse()
			.getStatus();
	}

	static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
