package io.github.recordingbot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import org.slf4j.LoggerFactory;

/**
 * Decides whether a start from the command line becomes the demo: only on a machine where
 * nothing of a deployment is configured (no Webex setting, no database, no profile, no
 * stored authorization, no configuration file) does the bot run against its built-in
 * simulator, so that a newcomer sees it work at once. Anything else is an ordinary start,
 * and a missing bot token is then reported as missing, never turned into a demo. Only
 * {@code main} asks, so tests and embedded uses never switch by accident.
 */
final class FirstRun {

	static final String DEMO_PROFILE = "demo";

	/**
	 * The settings a deployment makes, each by its environment variable and its property;
	 * any one of them set means this is not a first run.
	 */
	static final List<Setting> DEPLOYMENT = List.of(new Setting("BOT_ACCESS_TOKEN", "webex.bot-access-token"),
			new Setting("WEBHOOK_SECRET", "webhook.secret"),
			new Setting("WEBHOOK_SECRET_PREVIOUS", "webhook.secret-previous"),
			new Setting("PUBLIC_BASE_URL", "bot.public-base-url"),
			new Setting("WEBEX_INTEGRATION_CLIENT_ID", "officer.client-id"),
			new Setting("WEBEX_INTEGRATION_CLIENT_SECRET", "officer.client-secret"),
			new Setting("WEBEX_INTEGRATION_ACCESS_TOKEN", "webex.integration-access-token"),
			new Setting("WEBEX_API_BASE_URL", "webex.api-base-url"),
			new Setting("TOKEN_ENCRYPTION_KEY", "officer.token-encryption-key"),
			new Setting("SPRING_DATASOURCE_URL", "spring.datasource.url"),
			new Setting("SPRING_PROFILES_ACTIVE", "spring.profiles.active"),
			new Setting("SPRING_APPLICATION_JSON", "spring.application.json"),
			new Setting("SPRING_CONFIG_LOCATION", "spring.config.location"),
			new Setting("SPRING_CONFIG_ADDITIONAL_LOCATION", "spring.config.additional-location"),
			new Setting("SPRING_CONFIG_IMPORT", "spring.config.import"));

	static final Setting DATA_DIRECTORY = new Setting("TOKEN_STORAGE_PATH", "officer.token-storage-path");

	/**
	 * What the token store leaves in the data directory: the H2 database file and the key
	 * file (see the officer package's TokenCipher).
	 */
	static final List<String> STORED_AUTHORIZATION_FILES = List.of("recording-bot.mv.db", "token-encryption.key");

	/** Set by Spring while it processes the application ahead of time, at build time. */
	static final String AOT_PROCESSING = "spring.aot.processing";

	private FirstRun() {
	}

	/**
	 * Decides from the environment variables, the system properties, the command line
	 * ({@code --key=value}) and the working directory, which is where Spring Boot looks
	 * for {@code application.*} files and where the data directory is by default.
	 */
	static Decision decide(Map<String, String> env, Properties system, String[] args, Path workingDirectory) {
		if (Boolean.parseBoolean(system.getProperty(AOT_PROCESSING))) {
			// The build's AOT processing prepares the bean graph of a real deployment.
			return new Decision(false, "Not starting the demo: this is the build's ahead-of-time processing.");
		}
		Sources sources = new Sources(env, system, args);
		List<String> found = new ArrayList<>();
		for (Setting setting : DEPLOYMENT) {
			if (sources.value(setting).isPresent()) {
				found.add(setting.env() + " is set");
			}
		}
		Path data = workingDirectory.resolve(sources.value(DATA_DIRECTORY).map(String::trim).orElse("./data"))
			.normalize();
		if (STORED_AUTHORIZATION_FILES.stream().anyMatch((name) -> Files.exists(data.resolve(name)))) {
			found.add("a stored authorization is in " + data);
		}
		configFiles(workingDirectory).forEach((file) -> found.add("the configuration file " + file + " exists"));
		if (found.isEmpty()) {
			return new Decision(true, "Starting the demo (profile 'demo'): no Webex setting, no profile, no stored "
					+ "authorization and no configuration file were found. It talks only to its built-in Webex "
					+ "simulator, keeps its tokens in memory and listens on 127.0.0.1 unless DEMO_BIND_ADDRESS says otherwise.");
		}
		String reason = "Not starting the demo, because " + String.join(", ", found) + ".";
		if (sources.value(DEPLOYMENT.get(0)).isEmpty()) {
			reason += " BOT_ACCESS_TOKEN is not set: the bot starts unconfigured and the status page lists what is "
					+ "missing. To try the demo instead, start it where none of these is set or present.";
		}
		return new Decision(false, reason);
	}

	/**
	 * The {@code application.*} files Spring Boot would read from the working directory.
	 */
	private static List<Path> configFiles(Path workingDirectory) {
		List<Path> files = new ArrayList<>();
		for (Path dir : List.of(workingDirectory, workingDirectory.resolve("config"))) {
			if (!Files.isDirectory(dir)) {
				continue;
			}
			try (Stream<Path> list = Files.list(dir)) {
				list.filter((f) -> f.getFileName().toString().matches("application.*\\.(properties|ya?ml)"))
					.sorted()
					.forEach(files::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not list " + dir, ex);
			}
		}
		return files;
	}

	/**
	 * Whether to start the demo, and the one line that says why.
	 *
	 * @param demo whether the demo profile is added
	 * @param reason why, naming settings and files but never a value
	 */
	record Decision(boolean demo, String reason) {

		void log() {
			LoggerFactory.getLogger(FirstRun.class).info(this.reason);
		}

	}

	/**
	 * One setting by its two names.
	 *
	 * @param env the environment variable {@code application.properties} maps
	 * @param property the property it maps to
	 */
	record Setting(String env, String property) {

		/**
		 * The names Spring Boot reads it by: both names, and the property in environment
		 * style ({@code officer.client-id} as {@code OFFICER_CLIENTID} and
		 * {@code OFFICER_CLIENT_ID}).
		 */
		List<String> names() {
			String upper = this.property.toUpperCase(Locale.ROOT).replace('.', '_');
			return List.of(this.env, this.property, upper.replace("-", ""), upper.replace('-', '_'));
		}

	}

	private record Sources(Map<String, String> env, Properties system, String[] args) {

		Optional<String> value(Setting setting) {
			for (String name : setting.names()) {
				Optional<String> value = Stream.of(arg(name), this.system.getProperty(name), this.env.get(name))
					.filter((v) -> v != null && !v.isBlank())
					.findFirst();
				if (value.isPresent()) {
					return value;
				}
			}
			return Optional.empty();
		}

		/** The last {@code --name=value}, as Spring Boot reads it. */
		private String arg(String name) {
			String value = null;
			for (String arg : this.args) {
				if (arg.startsWith("--" + name + "=")) {
					value = arg.substring(name.length() + 3);
				}
			}
			return value;
		}

	}

}
