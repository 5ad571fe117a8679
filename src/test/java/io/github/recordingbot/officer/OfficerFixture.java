package io.github.recordingbot.officer;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.recordingbot.BotProperties;
import javax.sql.DataSource;

import io.github.recordingbot.support.MutableClock;
import io.github.recordingbot.support.Schema;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.recordingbot.webex.WebexClientFixture;
import io.github.recordingbot.replicas.Database;
import io.github.recordingbot.webex.WebexProperties;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.transaction.support.TransactionTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

/**
 * The officer components built with plain {@code new} over a database URL and a WireMock
 * Webex, the way {@link OfficerConfiguration} wires them.
 */
final class OfficerFixture {

	static final List<String> SCOPES = List.of("meeting:admin_schedule_read", "meeting:admin_preferences_read",
			"spark-compliance:meetings_read", "spark:people_read");

	static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	final MutableClock clock = new MutableClock(NOW);

	final DataSource dataSource;

	final JdbcTemplate jdbc;

	final OfficerProperties properties;

	final ClientRegistration registration;

	final OAuth2AuthorizedClientService clients;

	final AuthorizationRecords records;

	final OfficerTokenSource tokens;

	final WebexProperties webexProperties;

	/** Reads of the token store: each one a query and two decryptions. */
	final AtomicInteger storeReads = new AtomicInteger();

	/** Reads of the authorization record: each one a query. */
	final AtomicInteger recordReads = new AtomicInteger();

	OfficerFixture(WireMockServer webex, String jdbcUrl, Path dataDir, String pastedToken) {
		OfficerConfiguration configuration = new OfficerConfiguration();
		this.dataSource = new DriverManagerDataSource(jdbcUrl, "sa", "");
		this.jdbc = new JdbcTemplate(this.dataSource);
		Schema.migrate(this.dataSource);
		this.properties = new OfficerProperties("client-id", "client-secret", SCOPES, dataDir,
				"a-token-encryption-key-of-32-chars-or-more", Duration.ofDays(1), Duration.ofDays(7),
				Duration.ofHours(12), false, Duration.ofSeconds(60));
		WebexProperties webexProperties = WebexProperties.of(URI.create("http://localhost:" + webex.port() + "/v1"),
				"bot-token", pastedToken, Duration.ofSeconds(2), Duration.ofSeconds(5));
		this.webexProperties = webexProperties;
		ClientRegistrationRepository registrations = configuration.webexRegistration(this.properties, webexProperties,
				BotProperties.defaults().withPublicBaseUrl("https://bot.example.com"));
		this.registration = registrations.findByRegistrationId("webex");
		TokenCipher cipher = configuration.tokenCipher(this.properties);
		this.clients = counting(configuration.authorizedClientService(this.jdbc, registrations, cipher),
				this.storeReads);
		this.records = new AuthorizationRecords(this.jdbc, OfficerTokenSource.PRINCIPAL) {

			@Override
			Optional<Details> find() {
				OfficerFixture.this.recordReads.incrementAndGet();
				return super.find();
			}

		};
		RefreshLock refreshLock = configuration.refreshLock(Database.of(this.dataSource), this.jdbc,
				new TransactionTemplate(new DataSourceTransactionManager(this.dataSource)));
		this.tokens = configuration.officerTokens(registrations, this.clients, this.records, this.properties,
				webexProperties, WebexClientFixture.http(webexProperties), this.clock, refreshLock);
	}

	/** Stores an authorization whose access token expires at the given time. */
	void store(String accessToken, String refreshToken, Instant expiresAt) {
		store(accessToken, refreshToken, expiresAt, Set.copyOf(SCOPES));
	}

	/** Stores an authorization with these granted scopes. */
	void store(String accessToken, String refreshToken, Instant expiresAt, Set<String> scopes) {
		OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken,
				expiresAt.minus(Duration.ofDays(14)), expiresAt, scopes);
		this.clients.saveAuthorizedClient(
				new OAuth2AuthorizedClient(this.registration, OfficerTokenSource.PRINCIPAL, access,
						new OAuth2RefreshToken(refreshToken, access.getIssuedAt())),
				UsernamePasswordAuthenticationToken.unauthenticated(OfficerTokenSource.PRINCIPAL, ""));
		this.records.authorized("officer-id", "officer@example.com", "Olga Officer", access.getIssuedAt(),
				expiresAt.plus(Duration.ofDays(76)));
	}

	private static OAuth2AuthorizedClientService counting(OAuth2AuthorizedClientService store, AtomicInteger reads) {
		return new OAuth2AuthorizedClientService() {

			@Override
			public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId,
					String principalName) {
				reads.incrementAndGet();
				return store.loadAuthorizedClient(registrationId, principalName);
			}

			@Override
			public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal) {
				store.saveAuthorizedClient(client, principal);
			}

			@Override
			public void removeAuthorizedClient(String registrationId, String principalName) {
				store.removeAuthorizedClient(registrationId, principalName);
			}

		};
	}

	static void tokenEndpointAnswers(WireMockServer webex, String accessToken, String refreshToken, int delayMillis) {
		webex.stubFor(post("/v1/access_token").willReturn(aResponse().withStatus(200)
			.withFixedDelay(delayMillis)
			.withHeader("Content-Type", "application/json")
			.withBody("""
					{"access_token":"%s","expires_in":1209599,"refresh_token":"%s",
					 "refresh_token_expires_in":7775999,"token_type":"Bearer"}
					""".formatted(accessToken, refreshToken))));
	}

	static void tokenEndpointFails(WireMockServer webex, int status, String error) {
		webex.stubFor(post("/v1/access_token").willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody((error != null) ? "{\"error\":\"" + error + "\",\"error_description\":\"refused\"}" : "")));
	}

}
