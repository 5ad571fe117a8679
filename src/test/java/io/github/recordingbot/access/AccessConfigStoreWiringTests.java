package io.github.recordingbot.access;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.github.recordingbot.BotProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link AccessConfigStore} and {@link AccessProperties} are bound from the
 * application's properties.
 */
class AccessConfigStoreWiringTests {

	private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(AccessConfiguration.class);

	@TempDir
	Path dir;

	@Test
	void storeReadsBotConfigFileAndWatchesWithDefaultTimings() throws Exception {
		Path file = Files.writeString(this.dir.resolve("config.json"), "{\"approved_domains\": [\"example.com\"]}");
		this.runner.withPropertyValues("bot.config-file=" + file).run((context) -> {
			assertThat(context).hasSingleBean(AccessRules.class);
			assertThat(context.getBean(AccessRules.class).current().approvedDomains()).containsExactly("example.com");
			assertThat(context.getBean(AccessProperties.class)).isEqualTo(AccessProperties.DEFAULTS);
			assertThat(context.getBean(AccessConfigStore.class).isRunning()).isTrue();
		});
	}

	@Test
	void storeUsesClockBeanWhenPresent() {
		this.runner.withPropertyValues("bot.config-file=" + this.dir.resolve("missing.json"))
			.withBean(Clock.class, () -> Clock.fixed(NOW, ZoneOffset.UTC))
			.run((context) -> assertThat(context.getBean(AccessConfigStore.class).status().lastAttempt())
				.isEqualTo(NOW));
	}

	@Test
	void timingsAreBoundFromBotAccess() {
		this.runner
			.withPropertyValues("bot.config-file=" + this.dir.resolve("missing.json"), "bot.access.poll-interval=2s",
					"bot.access.quiet-period=0ms")
			.run((context) -> assertThat(context.getBean(AccessProperties.class))
				.isEqualTo(new AccessProperties(Duration.ofSeconds(2), Duration.ZERO, Duration.ofMinutes(10))));
	}

	@Test
	void nonPositivePollIntervalFailsStartupNamingTheKey() {
		this.runner
			.withPropertyValues("bot.config-file=" + this.dir.resolve("missing.json"), "bot.access.poll-interval=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("bot.access.poll-interval"));
	}

	@Test
	void negativeRefusalIntervalFailsStartupNamingTheKey() {
		this.runner
			.withPropertyValues("bot.config-file=" + this.dir.resolve("missing.json"),
					"bot.access.refusal-interval=-1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("bot.access.refusal-interval"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ AccessProperties.class, BotProperties.class })
	@Import(AccessConfigStore.class)
	static class AccessConfiguration {

	}

}
