package io.github.recordingbot.status;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
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

/**
 * Who may call what: Webex may post to {@code /webhook} (its signature is checked there),
 * anyone may read {@code /actuator/health}, and everything else is for the operator
 * ({@code admin}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

	static final String ADMIN = "admin";

	/**
	 * The operator's pages are self-contained HTML with an inline stylesheet: no script,
	 * no third-party resource, forms post only to the bot, and no other site may frame
	 * them.
	 */
	static final String OPERATOR_PAGES_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/webhook")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/error", "/favicon.ico")
			.permitAll()
			// only the session that started /webex/authorize (operator login) holds the
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
	UserDetailsService operator(@Value("${bot.admin-password:}") String configured) {
		String password = configured;
		if (password.isBlank()) {
			byte[] random = new byte[18];
			new SecureRandom().nextBytes(random);
			password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			logger.warn("BOT_ADMIN_PASSWORD is not set. The status page at / takes user 'admin' with this password, "
					+ "valid until the bot restarts: {}", password);
		}
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		return new InMemoryUserDetailsManager(
				User.withUsername(ADMIN).password(encoder.encode(password)).roles("ADMIN").build());
	}

}
