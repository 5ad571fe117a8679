package io.github.recordingbot;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Fixes the demo's Webex, webhook, officer-client and database settings above every other
 * property source, so that nothing from outside reaches them: environment variables
 * (which Spring puts above {@code application-demo.properties}, and which
 * {@code docker-compose.yml} always sets), system properties and command-line arguments.
 * The demo therefore only ever talks to its own simulator with its own sample tokens, and
 * keeps its token store in memory, never in {@code TOKEN_STORAGE_PATH}.
 */
class DemoSeal implements EnvironmentPostProcessor, Ordered {

	static final String NAME = "demoSeal";

	static final Map<String, Object> SETTINGS = Map.ofEntries(
			Map.entry("webex.api-base-url", "http://localhost:${server.port}/sim/v1"),
			Map.entry("webex.bot-access-token", "demo-bot-token"),
			Map.entry("webex.integration-access-token", "demo-officer-token"),
			Map.entry("webhook.secret", "demo-webhook-secret-not-for-production-use"),
			Map.entry("webhook.secret-previous", ""),
			// the simulator's consent page accepts any client; these only make
			// /webex/authorize work in the demo
			Map.entry("officer.client-id", "demo-integration-client"),
			Map.entry("officer.client-secret", "demo-integration-secret"),
			// a fixed key, so that no key file is read or written in the data directory
			Map.entry("officer.token-encryption-key", "demo-token-encryption-key-not-a-secret"),
			Map.entry("bot.public-base-url", "http://localhost:${server.port}"), Map.entry("bot.mode", "webhook"),
			// one database per start, in memory: the demo never opens a real token store
			Map.entry("spring.datasource.url", "jdbc:h2:mem:recording-bot-demo-${random.uuid};DB_CLOSE_DELAY=-1"),
			Map.entry("spring.datasource.username", "sa"), Map.entry("spring.datasource.password", ""));

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.matchesProfiles(FirstRun.DEMO_PROFILE)) {
			environment.getPropertySources().addFirst(new MapPropertySource(NAME, SETTINGS));
		}
	}

	@Override
	public int getOrder() {
		// after the config files are read, which is when the demo profile is known
		return Ordered.LOWEST_PRECEDENCE;
	}

}
