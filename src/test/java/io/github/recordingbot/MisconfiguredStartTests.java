package io.github.recordingbot;

import java.net.URI;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pen test's start: a deployment's settings and a stored authorization, but an empty
 * {@code BOT_ACCESS_TOKEN} (what {@code docker compose up} gave when {@code .env} lacked
 * it). It is an ordinary unconfigured start, started the way {@code main} starts it: no
 * demo page, no simulator, and the stored authorization is left alone.
 */
class MisconfiguredStartTests {

	static final String PASSWORD = "misconfigured-admin-password";

	static final String KEY = "a-production-token-encryption-key-0123456789";

	@TempDir
	static Path dir;

	static Path data;

	static ConfigurableApplicationContext context;

	static byte[] storedRefreshToken;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() throws Exception {
		data = Files.createDirectories(dir.resolve("token_storage"));
		storedRefreshToken = encrypt("stored-refresh-token", "refresh_token");
		storedAuthorization().update(
				"INSERT INTO oauth2_authorized_client (client_registration_id, principal_name, access_token_type, "
						+ "access_token_value, access_token_issued_at, access_token_expires_at, refresh_token_value) "
						+ "VALUES ('webex', 'compliance-officer', 'Bearer', ?, ?, ?, ?)",
				encrypt("stored-access-token", "access_token"), Timestamp.from(Instant.now()),
				// due for the scheduled refresh: the old demo refreshed it against the
				// simulator, which refused it, and deleted it
				Timestamp.from(Instant.now().plus(3, ChronoUnit.DAYS)), storedRefreshToken);
		String[] args = { "--server.port=0", "--webhook.secret=a-production-webhook-secret-0123456789",
				"--bot.public-base-url=https://bot.example.com", "--officer.client-id=production-client",
				"--officer.client-secret=production-secret", "--officer.token-encryption-key=" + KEY,
				"--officer.token-storage-path=" + data, "--webex.bot-access-token=",
				"--webex.api-base-url=http://localhost:9/v1", "--officer.check-at-startup=false",
				"--bot.admin-password=" + PASSWORD, "--bot.config-file=" + dir.resolve("config.json"),
				"--bot.log-dir=" + dir.resolve("log") };
		context = RecordingBotApplication.application(Map.of("BOT_ACCESS_TOKEN", ""), new Properties(), args, dir)
			.run(args);
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void servesNeitherTheDemoNorTheSimulator() throws Exception {
		assertThat(context.getEnvironment().getActiveProfiles()).doesNotContain("demo");
		assertThat(get("/demo", null).statusCode()).isEqualTo(401);
		assertThat(get("/demo", "admin:" + PASSWORD).statusCode()).isEqualTo(404);
		assertThat(get("/sim/v1/people/me", "admin:" + PASSWORD).statusCode()).isEqualTo(404);
		assertThat(get("/sim/calls", "admin:" + PASSWORD).statusCode()).isEqualTo(404);
		HttpResponse<String> message = send(HttpRequest.newBuilder(uri("/demo/api/people/p1/messages"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"rec 123456789\"}")));
		assertThat(message.statusCode()).isIn(401, 403);
	}

	@Test
	void saysWhatIsMissingOnTheStatusPage() throws Exception {
		HttpResponse<String> status = get("/", "admin:" + PASSWORD);

		assertThat(status.statusCode()).isEqualTo(200);
		assertThat(status.body()).contains("BOT_ACCESS_TOKEN").contains("missing").doesNotContain("Demo");
	}

	@Test
	void upgradesATokenStoreMadeBeforeTheMigrationsByARestart() {
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

		assertThat(jdbc.queryForList("SELECT \"version\" FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"",
				String.class))
			.containsSubsequence("0", "1");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM oauth2_authorized_client", Integer.class)).isOne();
	}

	@Test
	void leavesTheStoredAuthorizationAlone() throws Exception {
		send(HttpRequest.newBuilder(uri("/demo/api/people/p1/messages"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"rec 123456789\"}")));

		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM oauth2_authorized_client", Integer.class)).isOne();
		assertThat(jdbc.queryForObject("SELECT refresh_token_value FROM oauth2_authorized_client", byte[].class))
			.isEqualTo(storedRefreshToken);
		assertThat(jdbc.queryForObject("CALL DATABASE_PATH()", String.class))
			.startsWith(data.resolve("recording-bot").toString());
	}

	/**
	 * As the token store encrypts: AES-GCM keyed by SHA-256 of the key, the purpose bound
	 * in.
	 */
	private static byte[] encrypt(String value, String purpose) throws Exception {
		byte[] iv = new byte[12];
		new SecureRandom().nextBytes(iv);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.ENCRYPT_MODE,
				new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(KEY.getBytes(StandardCharsets.UTF_8)),
						"AES"),
				new GCMParameterSpec(128, iv));
		cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
		byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
		return ByteBuffer.allocate(1 + iv.length + sealed.length).put((byte) 1).put(iv).put(sealed).array();
	}

	/**
	 * A token store made by a version before the Flyway migrations: the start below also
	 * proves that such a deployment upgrades by a restart.
	 */
	private static JdbcTemplate storedAuthorization() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:file:" + data.resolve("recording-bot") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
		new ResourceDatabasePopulator(new ClassPathResource("legacy/schema-h2.sql")).execute(dataSource);
		return new JdbcTemplate(dataSource);
	}

	private HttpResponse<String> get(String path, String credentials) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return send(request);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port") + path);
	}

}
