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

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose files list exactly the environment variables the application reads: none it
 * does not read (a typo would be silently ignored), and every one of
 * {@code application.yml} (so that an operator sees each setting), each with a comment.
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
		Set<String> required = new TreeSet<>(readBy(Path.of("src/main/resources/application.yml")));
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

	static Set<String> readByApplication() throws IOException {
		Set<String> names = new TreeSet<>();
		try (Stream<Path> files = Files.list(Path.of("src/main/resources"))) {
			for (Path file : files.filter((f) -> f.getFileName().toString().matches("application.*\\.ya?ml"))
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
