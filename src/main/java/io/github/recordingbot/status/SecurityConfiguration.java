package io.github.recordingbot.status;

import java.time.Clock;

import io.github.recordingbot.BotProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what: Webex may post to {@code /webhook} (its signature is checked there),
 * anyone may read {@code /actuator/health}, and everything else is for the operator
 * ({@code admin}), who logs in with HTTP Basic. Failed logins are counted per address and
 * an address that fails too often is refused for a while ({@link LoginAttempts}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

	static final String ADMIN = "admin";

	/**
	 * The operator's pages are HTML from templates with the bot's own stylesheet
	 * ({@value #STYLESHEETS}): no script, no inline style, no third-party resource, forms
	 * post only to the bot, and no other site may frame them.
	 */
	static final String OPERATOR_PAGES_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	/**
	 * The stylesheets, public: the authorization pages anyone may reach use them too, and
	 * a 401 there would make the browser ask for the operator's password.
	 */
	static final String STYLESHEETS = "/css/**";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, LoginAttempts attempts, Clock clock) throws Exception {
		http.addFilterBefore(new LoginThrottleFilter(attempts, clock), BasicAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/webhook")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/error", "/favicon.ico")
				.permitAll()
				.requestMatchers(HttpMethod.GET, STYLESHEETS)
				.permitAll()
				// only the session that started /webex/authorize (operator login) holds
				// the
				// state it must match
				.requestMatchers(HttpMethod.GET, "/webex/redirect")
				.permitAll()
				.anyRequest()
				.hasRole("ADMIN"))
			.httpBasic(Customizer.withDefaults())
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/webhook"))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(OPERATOR_PAGES_POLICY)));
		return http.build();
	}

	@Bean
	UserDetailsService operator(BotProperties properties) {
		String password = properties.adminPassword();
		if (password == null) {
			password = AdminPasswordFile.generate(properties.adminPasswordFile());
			logger.warn(
					"BOT_ADMIN_PASSWORD is not set. The status page at / takes user 'admin' with a generated "
							+ "password, valid until the bot restarts, written to {} (readable by this user only)",
					properties.adminPasswordFile().toAbsolutePath());
		}
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		return new InMemoryUserDetailsManager(
				User.withUsername(ADMIN).password(encoder.encode(password)).roles("ADMIN").build());
	}

}
