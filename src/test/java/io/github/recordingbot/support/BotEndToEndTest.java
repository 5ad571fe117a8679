package io.github.recordingbot.support;

import java.time.Clock;

import io.github.recordingbot.access.AccessConfigStore;
import io.github.recordingbot.card.WebexCardRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the tests that run the whole bot on a random port against {@link WebexFake}:
 * one Spring context for all of them (with {@code MockMvc} for those that need no
 * socket), a clean fake Webex and the default rules before each test, and the default
 * rules again after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class BotEndToEndTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Fixtures are dated relative to this clock, never to the day the tests run. */
	@TestBean(methodName = "io.github.recordingbot.support.TestClock#clock")
	Clock clock;

	@DynamicPropertySource
	static void botProperties(DynamicPropertyRegistry registry) {
		BotTestSupport.properties(registry);
	}

	@Value("${local.server.port}")
	protected int port;

	@Autowired
	protected AccessConfigStore config;

	@BeforeEach
	void resetWebexAndRules() {
		BotTestSupport.WEBEX.reset();
		restoreRules();
	}

	/**
	 * Webex drops a card it cannot render, and the user then gets no answer at all: every
	 * card the bot sent in the test must be valid Adaptive Cards 1.3 with at most five
	 * actions.
	 */
	@AfterEach
	void everyCardSentIsOneWebexRenders() {
		for (String body : BotTestSupport.WEBEX.replies()) {
			JSON.readTree(body)
				.path("attachments")
				.forEach((attachment) -> assertThat(WebexCardRules.violations(attachment.get("content")))
					.as("card in %s", body)
					.isEmpty());
		}
	}

	@AfterEach
	void restoreRules() {
		BotTestSupport.writeConfig(BotTestSupport.DEFAULT_CONFIG);
		this.config.reloadNow();
	}

}
