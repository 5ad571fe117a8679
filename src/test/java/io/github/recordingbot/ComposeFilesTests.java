package io.github.recordingbot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose files list exactly the environment variables the application reads: none it
 * does not read (a typo would be silently ignored), and every one of
 * {@code application.properties} (so that an operator sees each setting), each with a
 * comment. The optional {@code replicas} profile of {@code docker-compose.yml} runs two
 * replicas on one PostgreSQL behind a proxy, and leaves {@code docker compose up} as it
 * was.
 */
class ComposeFilesTests {

	static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

	/** Read only in the demo profile; an operator never sets them. */
	static final Set<String> DEMO_ONLY = Set.of("SIM_LATENCY", "DEMO_BIND_ADDRESS");

	@ParameterizedTest
	@ValueSource(strings = { "docker-compose.yml", "docker-compose-dockerhub.yml" })
	void composeFileListsExactlyTheVariablesTheApplicationReads(String file) throws IOException {
		Set<String> listed = environment(Path.of(file)).keySet();

		assertThat(listed).isSubsetOf(readByApplication());
		Set<String> required = new TreeSet<>(readBy(Path.of("src/main/resources/application.properties")));
		assertThat(listed).containsAll(required);
		assertThat(readByApplication()).containsAll(DEMO_ONLY);
	}

	/**
	 * An empty bot token once made {@code docker compose up} start the demo with the
	 * deployment's other settings; compose now refuses to start and names the variable.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "docker-compose.yml", "docker-compose-dockerhub.yml" })
	void aMissingBotTokenStopsComposeWithAMessageNamingIt(String file) throws IOException {
		assertThat(environment(Path.of(file)).get("BOT_ACCESS_TOKEN")).asString()
			.matches("\\$\\{BOT_ACCESS_TOKEN:\\?[^}]*BOT_ACCESS_TOKEN is not set[^}]*}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "docker-compose.yml", "docker-compose-dockerhub.yml" })
	void everyVariableHasAComment(String file) throws IOException {
		List<String> lines = Files.readAllLines(Path.of(file));
		for (String name : environment(Path.of(file)).keySet()) {
			int line = indexOf(lines, name);
			assertThat(lines.get(line - 1).strip()).as(name).startsWith("#");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "docker-compose.yml", "docker-compose-dockerhub.yml" })
	@SuppressWarnings("unchecked")
	void composeFileMapsThePortAndTheVolumes(String file) throws IOException {
		Map<String, Object> bot = bot(Path.of(file));

		assertThat((List<Object>) bot.get("ports")).contains("8080:8080");
		assertThat((List<Object>) bot.get("volumes")).contains("./config:/config:ro", "./log:/log",
				"./token_storage:/token_storage");
	}

	@Nested
	class ReplicasProfile {

		static final Path FILE = Path.of("docker-compose.yml");

		static final Set<String> SHARED = Set.of("BOT_ACCESS_TOKEN", "WEBHOOK_SECRET", "BOT_ADMIN_PASSWORD",
				"TOKEN_ENCRYPTION_KEY", "PUBLIC_BASE_URL", "WEBEX_INTEGRATION_CLIENT_ID",
				"WEBEX_INTEGRATION_CLIENT_SECRET", "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
				"SPRING_DATASOURCE_PASSWORD", "BOT_MODE");

		@Test
		void plainDockerComposeUpStillStartsTheSingleBotOnly() throws IOException {
			Map<String, Map<String, Object>> services = services(FILE);

			assertThat(services.entrySet().stream().filter((s) -> !s.getValue().containsKey("profiles")))
				.extracting(Map.Entry::getKey)
				.containsExactly("bot");
		}

		/**
		 * Compose reads every service's variables before it leaves out the profiles that
		 * are off: a variable marked required ({@code :?}) in the profile would stop a
		 * plain {@code docker compose up} that does not set it.
		 */
		@Test
		void theProfileRequiresNoVariableThatPlainDockerComposeUpDoesNot() throws IOException {
			Set<String> requiredByDefault = required(String.valueOf(services(FILE).get("bot")));
			for (Map.Entry<String, Map<String, Object>> service : services(FILE).entrySet()) {
				assertThat(required(String.valueOf(service.getValue()))).as(service.getKey())
					.isSubsetOf(requiredByDefault);
			}
		}

		@Test
		void theProfileRunsPostgresTwoReplicasAndAProxyEachWithAHealthcheck() throws IOException {
			Map<String, Map<String, Object>> services = services(FILE);

			assertThat(services.entrySet().stream().filter((s) -> s.getValue().containsKey("profiles")))
				.extracting(Map.Entry::getKey)
				.containsExactlyInAnyOrder("postgres", "replica-a", "replica-b", "proxy");
			for (String name : List.of("postgres", "replica-a", "replica-b", "proxy")) {
				assertThat(services.get(name).get("profiles")).as(name).isEqualTo(List.of("replicas"));
				assertThat(services.get(name).get("healthcheck")).as(name)
					.isInstanceOfSatisfying(Map.class, (check) -> assertThat(check.get("test")).isNotNull());
			}
			assertThat(services.get("postgres").get("image")).asString().startsWith("postgres:");
			assertThat(services.get("proxy").get("image")).asString().startsWith("caddy:");
			assertThat(services.get("proxy").get("ports")).isEqualTo(List.of("8080:8080"));
			assertThat(services.get("proxy").get("volumes"))
				.isEqualTo(List.of("./docker/Caddyfile:/etc/caddy/Caddyfile:ro"));
			for (String replica : List.of("replica-a", "replica-b")) {
				assertThat(services.get(replica)).doesNotContainKey("ports");
				assertThat(services.get(replica).get("depends_on"))
					.isEqualTo(Map.of("postgres", Map.of("condition", "service_healthy")));
				assertThat(services.get(replica).get("healthcheck")).isEqualTo(bot(FILE).get("healthcheck"));
				assertThat(services.get(replica).get("volumes"))
					.isEqualTo(List.of("./config:/config:ro", "./log:/log"));
			}
		}

		@Test
		void bothReplicasShareTheSecretsAndTheDatabaseAndHaveInstanceIdsOfTheirOwn() throws IOException {
			Map<String, Object> a = environmentOf("replica-a");
			Map<String, Object> b = environmentOf("replica-b");

			for (String name : SHARED) {
				assertThat(a.get(name)).as(name).isNotNull().isEqualTo(b.get(name));
			}
			assertThat(a.keySet()).isEqualTo(b.keySet()).isSubsetOf(readByApplication());
			assertThat(a.get("TOKEN_ENCRYPTION_KEY")).isEqualTo("${TOKEN_ENCRYPTION_KEY:-}");
			assertThat(a.get("BOT_ADMIN_PASSWORD")).isEqualTo("${BOT_ADMIN_PASSWORD:-}");
			assertThat(a.get("WEBHOOK_SECRET")).isEqualTo("${WEBHOOK_SECRET:-}");
			assertThat(a.get("BOT_MODE")).isEqualTo("webhook");
			assertThat(BotProperties.defaults().withInstanceId((String) a.get("BOT_INSTANCE_ID")).instanceId())
				.isEqualTo("replica-a");
			assertThat(BotProperties.defaults().withInstanceId((String) b.get("BOT_INSTANCE_ID")).instanceId())
				.isEqualTo("replica-b");

			Map<String, Object> postgres = environmentOf("postgres");
			assertThat(a.get("SPRING_DATASOURCE_URL"))
				.isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
			assertThat(a.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(postgres.get("POSTGRES_USER"));
			assertThat(a.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"))
				.isEqualTo("${POSTGRES_PASSWORD:-}");
		}

		@Test
		void everyReplicaVariableHasAComment() throws IOException {
			List<String> lines = Files.readAllLines(FILE);
			int start = indexOf(lines, "replica-a");
			for (String name : environmentOf("replica-a").keySet()) {
				int line = start + indexOf(lines.subList(start, lines.size()), name);
				assertThat(lines.get(line - 1).strip()).as(name).startsWith("#");
			}
		}

		@Test
		void theProxySendsWebhooksToEitherReplicaAndKeepsEverythingElseOnOne() throws IOException {
			String caddyfile = Files.readString(Path.of("docker/Caddyfile"));
			String webhook = block(caddyfile, "handle /webhook {");
			String rest = block(caddyfile, "handle {");

			for (String route : List.of(webhook, rest)) {
				assertThat(route).contains("reverse_proxy replica-a:8080 replica-b:8080")
					.contains("health_uri /actuator/health/readiness");
			}
			assertThat(webhook).contains("lb_policy round_robin").contains("request_buffers");
			assertThat(rest).contains("lb_policy cookie");
			assertThat(caddyfile).contains(":8080 {");
		}

		@SuppressWarnings("unchecked")
		Map<String, Object> environmentOf(String service) throws IOException {
			return (Map<String, Object>) services(FILE).get(service).get("environment");
		}

		static Set<String> required(String text) {
			Set<String> names = new TreeSet<>();
			Matcher matcher = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):?\\?").matcher(text);
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
			return names;
		}

		/** The text from the opening line to its closing brace, by indentation. */
		static String block(String text, String opening) {
			int start = text.indexOf(opening);
			assertThat(start).as(opening).isNotNegative();
			int lineStart = text.lastIndexOf('\n', start) + 1;
			String indent = text.substring(lineStart, start);
			int end = text.indexOf("\n" + indent + "}", start);
			return text.substring(start, end);
		}

	}

	@SuppressWarnings("unchecked")
	static Map<String, Map<String, Object>> services(Path file) throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(file));
		return (Map<String, Map<String, Object>>) compose.get("services");
	}

	static Set<String> readByApplication() throws IOException {
		Set<String> names = new TreeSet<>();
		try (Stream<Path> files = Files.list(Path.of("src/main/resources"))) {
			for (Path file : files.filter((f) -> f.getFileName().toString().matches("application.*\\.properties"))
				.toList()) {
				names.addAll(readBy(file));
			}
		}
		return names;
	}

	static Set<String> readBy(Path file) throws IOException {
		Set<String> names = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(Files.readString(file));
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> bot(Path file) throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(file));
		return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("bot");
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> environment(Path file) throws IOException {
		return (Map<String, Object>) bot(file).get("environment");
	}

	static int indexOf(List<String> lines, String name) {
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).strip().startsWith(name + ":")) {
				return i;
			}
		}
		throw new AssertionError(name + " not found");
	}

}
