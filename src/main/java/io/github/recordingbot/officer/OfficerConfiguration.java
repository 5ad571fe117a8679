package io.github.recordingbot.officer;

import java.time.Clock;
import java.time.Duration;

import io.github.recordingbot.BotProperties;
import io.github.recordingbot.webex.WebexHttp;
import io.github.recordingbot.replicas.Database;
import io.github.recordingbot.webex.WebexOfficerClient;
import io.github.recordingbot.webex.WebexProperties;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.JdbcOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * Wires the Compliance Officer authorization: the {@code webex} client registration
 * (absent until client id, secret and public URL are set), the encrypted JDBC token store
 * (its tables come from the Flyway migrations in {@code db/migration}), the token source
 * with its refresh managers, and the capability check.
 */
@Configuration(proxyBeanMethods = false)
class OfficerConfiguration {

	@Bean
	ClientRegistrationRepository webexRegistration(OfficerProperties officer, WebexProperties webex,
			BotProperties bot) {
		ClientRegistration registration = registration(officer, webex, bot);
		return (id) -> (registration != null && registration.getRegistrationId().equals(id)) ? registration : null;
	}

	static @Nullable ClientRegistration registration(OfficerProperties officer, WebexProperties webex,
			BotProperties bot) {
		if (!officer.hasClient() || !bot.hasPublicBaseUrl()) {
			return null;
		}
		// an absolute redirect URI without placeholders: never derived from Host or
		// X-Forwarded-*
		return ClientRegistration.withRegistrationId(OfficerTokenSource.REGISTRATION)
			.clientName("Webex")
			.clientId(officer.clientId())
			.clientSecret(officer.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(bot.publicUrl("/webex/redirect"))
			.scope(officer.scopes())
			.authorizationUri(webex.apiBaseUrl() + "/authorize")
			.tokenUri(webex.apiBaseUrl() + "/access_token")
			.clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
			.build();
	}

	@Bean
	TokenCipher tokenCipher(OfficerProperties officer) {
		return TokenCipher.create(officer.tokenEncryptionKey(), officer.tokenStoragePath());
	}

	@Bean
	OAuth2AuthorizedClientService authorizedClientService(JdbcTemplate jdbc, ClientRegistrationRepository registrations,
			TokenCipher cipher) {
		JdbcOAuth2AuthorizedClientService service = new JdbcOAuth2AuthorizedClientService(jdbc, registrations);
		service.setAuthorizedClientParametersMapper(EncryptedClientRows.parameters(cipher));
		service.setAuthorizedClientRowMapper(EncryptedClientRows.rows(cipher, registrations));
		return service;
	}

	@Bean
	AuthorizationRecords authorizationRecords(JdbcTemplate jdbc) {
		return new AuthorizationRecords(jdbc, OfficerTokenSource.PRINCIPAL);
	}

	@Bean
	RestClientAuthorizationCodeTokenResponseClient codeExchange(WebexHttp http) {
		RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
		client.setRestClient(tokenEndpoint(http));
		return client;
	}

	@Bean
	RefreshLock refreshLock(Database database, JdbcTemplate jdbc, TransactionTemplate officerTransactions) {
		return database.sharedByReplicas() ? new RefreshLock.Advisory(jdbc, officerTransactions)
				: RefreshLock.IN_PROCESS;
	}

	@Bean
	OfficerTokenSource officerTokens(ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients,
			AuthorizationRecords records, OfficerProperties officer, WebexProperties webex, WebexHttp http, Clock clock,
			RefreshLock refreshLock) {
		HeldAuthorization held = new HeldAuthorization(clients, records, officer.rereadInterval(), clock);
		RefreshOutcomes outcomes = new RefreshOutcomes(clients, records, held, clock);
		RestClientRefreshTokenTokenResponseClient refresh = new RestClientRefreshTokenTokenResponseClient();
		refresh.setRestClient(tokenEndpoint(http));
		OfficerTokenSource.Managers managers = new OfficerTokenSource.Managers(
				manager(registrations, clients, outcomes, refresh, officer.clockSkew(), clock),
				manager(registrations, clients, outcomes, refresh, officer.refreshBefore(), clock),
				// a skew longer than any token's life: refreshes whatever the expiry says
				manager(registrations, clients, outcomes, refresh, Duration.ofDays(3650), clock));
		return new OfficerTokenSource(registrations, held, managers, webex, officer.clockSkew(), clock,
				java.util.Set.copyOf(officer.scopes()), refreshLock);
	}

	@Bean
	OfficerCapabilities officerCapabilities(WebexOfficerClient webex, OfficerTokenSource officerTokens, Clock clock) {
		return new OfficerCapabilities(webex, officerTokens, clock);
	}

	@Bean
	CapabilityCheckAtStartup capabilityCheckAtStartup(OfficerCapabilities capabilities, OfficerProperties officer) {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("officer-capabilities-");
		executor.setDaemon(true);
		return new CapabilityCheckAtStartup(capabilities, executor, officer.checkAtStartup());
	}

	@Bean
	TransactionTemplate officerTransactions(org.springframework.transaction.PlatformTransactionManager transactions) {
		return new TransactionTemplate(transactions);
	}

	private static AuthorizedClientServiceOAuth2AuthorizedClientManager manager(
			ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients, RefreshOutcomes outcomes,
			RestClientRefreshTokenTokenResponseClient refresh, java.time.Duration skew, Clock clock) {
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, clients);
		manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
			.refreshToken((r) -> r.clockSkew(skew).clock(clock).accessTokenResponseClient(outcomes.capturing(refresh)))
			.build());
		manager.setAuthorizationSuccessHandler(outcomes);
		manager.setAuthorizationFailureHandler(outcomes);
		return manager;
	}

	/**
	 * The token endpoint's client: the Webex client setup (timeouts, no redirects, the
	 * proxy), OAuth error bodies understood.
	 */
	private static RestClient tokenEndpoint(WebexHttp http) {
		return http.configure(RestClient.builder())
			.configureMessageConverters((converters) -> converters.addCustomConverter(new FormHttpMessageConverter())
				.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build();
	}

}
