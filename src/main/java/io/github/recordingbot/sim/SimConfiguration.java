package io.github.recordingbot.sim;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Wires the simulator in the {@code demo} profile: its state, and security filter chains
 * that open {@code /demo/**} and {@code /sim/**} to everyone (they hold only sample data)
 * ahead of the operator's chain.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class SimConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SimConfiguration.class);

	/**
	 * The demo page runs its own inline script and the bundled Adaptive Cards renderer,
	 * talks only to the bot, and no other site may frame it.
	 */
	static final String DEMO_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'; base-uri 'none'";

	/**
	 * The simulated consent page is a template like the bot's own pages, with the same
	 * policy: the bot's stylesheet only, no script, no inline style, its form posts only
	 * here.
	 */
	static final String CONSENT_PAGE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	@Bean
	SampleOrg sampleOrg(Clock clock) {
		return new SampleOrg(clock.instant());
	}

	@Bean
	SimState simState(SampleOrg org, Clock clock) {
		return new SimState(org, clock);
	}

	@Bean
	SimCalls simCalls(SimProperties properties) {
		return new SimCalls(properties.latency());
	}

	@Bean
	SimTokens simTokens(SimProperties properties) {
		return new SimTokens(properties);
	}

	@Bean(destroyMethod = "shutdown")
	ExecutorService simWebhookExecutor() {
		return Executors.newFixedThreadPool(4, new CustomizableThreadFactory("sim-webhook-"));
	}

	@Bean
	WebhookDeliverer webhookDeliverer(SimState state, SimProperties properties, ExecutorService simWebhookExecutor) {
		return new WebhookDeliverer(state, properties, simWebhookExecutor);
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain simConsentPageSecurityFilterChain(HttpSecurity http) throws Exception {
		return open(http, CONSENT_PAGE_POLICY, "/sim/v1/authorize");
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	SecurityFilterChain simSecurityFilterChain(HttpSecurity http) throws Exception {
		return open(http, DEMO_POLICY, "/demo", "/demo/**", "/sim/**");
	}

	private static SecurityFilterChain open(HttpSecurity http, String policy, String... paths) throws Exception {
		http.securityMatcher(paths)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(policy)));
		return http.build();
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce(ApplicationReadyEvent event) {
		String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
		logger.warn("""

				============================================================================
				  DEMO MODE: the bot talks to a built-in Webex simulator with sample data.
				  Open http://localhost:{}/demo to chat with it.
				  Set BOT_ACCESS_TOKEN (see the README) to run against the real Webex.
				============================================================================""", port);
	}

}
