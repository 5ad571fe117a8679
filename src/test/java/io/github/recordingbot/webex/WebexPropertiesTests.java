package io.github.recordingbot.webex;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class WebexPropertiesTests {

	final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

	@Test
	void resilienceKeysStayFlat() {
		this.runner.withPropertyValues("webex.retry-backoff=5ms", "webex.max-concurrent-calls=4").run((context) -> {
			WebexProperties webex = context.getBean(WebexProperties.class);
			assertThat(webex.retryBackoff()).isEqualTo(Duration.ofMillis(5));
			assertThat(webex.maxConcurrentCalls()).isEqualTo(4);
			assertThat(webex.maxRetries()).isEqualTo(3);
			assertThat(webex.proxy()).isEqualTo(new WebexProperties.Proxy(null, null, null));
		});
	}

	@Test
	void theProxyBindsAndItsUrlStaysOutOfToString() {
		this.runner
			.withPropertyValues("webex.proxy.https-url=http://u:s3cret@proxy.corp:3128", "webex.proxy.no-proxy=.corp")
			.run((context) -> {
				WebexProperties webex = context.getBean(WebexProperties.class);
				assertThat(ProxySettings.from(webex.proxy(), (key) -> null).describe())
					.isEqualTo("proxy: proxy.corp:3128, with credentials; direct for .corp");
				assertThat(webex.toString()).doesNotContain("s3cret");
			});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			webex.max-pages=0                | webex.max-pages must be at least 1, got 0
			webex.max-concurrent-calls=0     | webex.max-concurrent-calls must be at least 1, got 0
			webex.max-retries=-1             | webex.max-retries must be at least 0, got -1
			webex.read-timeout=0s            | webex.read-timeout must be a positive duration, got PT0S
			webex.connect-timeout=-2s        | webex.connect-timeout must be a positive duration, got PT-2S
			""")
	void aBoundOutOfRangeStopsTheStartNamingTheKey(String setting, String message) {
		this.runner.withPropertyValues(setting)
			.run((context) -> assertThat(context).hasFailed().getFailure().rootCause().hasMessage(message));
	}

	@Test
	void aNegativeBackoffStopsTheStartNamingTheKey() {
		this.runner.withPropertyValues("webex.retry-backoff=-1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("webex.retry-backoff must be a duration of zero or more"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(WebexProperties.class)
	static class Config {

	}

}
