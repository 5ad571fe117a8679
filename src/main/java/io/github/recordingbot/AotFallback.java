package io.github.recordingbot;

import java.util.Arrays;
import java.util.Optional;

import org.apache.commons.logging.Log;

import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Starts without the AOT-processed bean graph when this start needs another one. The
 * build fixes the graph of a webhook-mode deployment without profiles (process-aot); the
 * Docker image asks for it with {@code -Dspring.aot.enabled=true}. The demo profile and
 * {@code BOT_MODE=websocket} add beans that graph lacks, so those starts run as before,
 * only slower (docs/deploy.md).
 *
 * @see <a href=
 * "https://docs.spring.io/spring-boot/reference/packaging/aot.html">Ahead-of-Time
 * Processing With the JVM</a>
 */
class AotFallback implements EnvironmentPostProcessor, Ordered {

	static final String WEBHOOK_MODE = "webhook";

	private final Log logger;

	AotFallback(DeferredLogFactory logs) {
		this.logger = logs.getLog(AotFallback.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!AotDetector.useGeneratedArtifacts()) {
			return;
		}
		reason(environment).ifPresent((reason) -> {
			// Spring reads the flag again when it creates the context, after this point.
			SpringProperties.setProperty(AotDetector.AOT_ENABLED, "false");
			this.logger.info("Starting without the AOT-processed bean graph: " + reason);
		});
	}

	/** Why this start cannot use the graph prepared at build time, if it cannot. */
	static Optional<String> reason(Environment environment) {
		String[] profiles = environment.getActiveProfiles();
		if (profiles.length > 0) {
			return Optional.of("profiles " + Arrays.toString(profiles) + " are active");
		}
		String mode = environment.getProperty("bot.mode", WEBHOOK_MODE).trim();
		if (!WEBHOOK_MODE.equalsIgnoreCase(mode)) {
			return Optional.of("bot.mode is " + mode);
		}
		return Optional.empty();
	}

	@Override
	public int getOrder() {
		// After the config files are read, so that profiles and BOT_MODE from any source
		// count.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
