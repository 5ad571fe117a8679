package io.github.recordingbot;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every user-facing sentence lives in the two message bundles: they have the same keys
 * and placeholders, every key the code asks for exists, and the chat handlers build no
 * sentence in Java.
 */
class MessagesTests {

	static final Path MAIN = Path.of("src/main/java/io/github/recordingbot");

	static final Path RESOURCES = Path.of("src/main/resources");

	/** Values that read the same in both languages. */
	static final Set<String> SAME_IN_BOTH = Set.of("help.meetingNumberPlaceholder", "reply.recordings.video",
			"reply.recordings.when", "reply.recordings.whenMinutes");

	static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

	static final Pattern KEY_LOOKUP = Pattern.compile("texts\\s*\\.\\s*get\\s*\\(\\s*\"([^\"]+)\"");

	@Test
	void bothBundlesHaveExactlyTheSameKeys() {
		assertThat(bundle("messages_cs.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(bundle("messages.properties").stringPropertyNames());
	}

	@Test
	void everyMessageHasTheSamePlaceholdersInBothLanguagesAndParses() {
		Properties english = bundle("messages.properties");
		Properties czech = bundle("messages_cs.properties");
		for (String key : english.stringPropertyNames()) {
			assertThat(placeholders(czech.getProperty(key))).as(key).isEqualTo(placeholders(english.getProperty(key)));
			assertThat(czech.getProperty(key)).as(key).isNotBlank();
			new MessageFormat(english.getProperty(key), Locale.ENGLISH);
			new MessageFormat(czech.getProperty(key), Locale.forLanguageTag("cs"));
		}
	}

	@Test
	void czechBundleIsTranslated() {
		Properties english = bundle("messages.properties");
		Properties czech = bundle("messages_cs.properties");
		List<String> untranslated = english.stringPropertyNames()
			.stream()
			.filter((key) -> !SAME_IN_BOTH.contains(key))
			.filter((key) -> english.getProperty(key).equals(czech.getProperty(key)))
			.toList();
		assertThat(untranslated).isEmpty();
		assertThat(czech.getProperty("reply.rateLimited")).contains("příliš mnoho");
	}

	@Test
	void everyKeyTheCodeAsksForExistsInTheBundles() throws IOException {
		Set<String> keys = bundle("messages.properties").stringPropertyNames();
		Set<String> asked = new TreeSet<>();
		for (Path file : javaFiles(MAIN)) {
			Matcher matcher = KEY_LOOKUP.matcher(Files.readString(file));
			while (matcher.find()) {
				asked.add(matcher.group(1));
			}
		}
		assertThat(asked).contains("usage", "refusal.hostOnly", "reply.rateLimited");
		assertThat(keys).containsAll(asked);
	}

	@Test
	void chatHandlersBuildNoUserFacingSentenceInCode() throws IOException {
		List<String> findings = new ArrayList<>();
		for (String feature : List.of("conversation", "recording", "card", "texts")) {
			for (Path file : javaFiles(MAIN.resolve(feature))) {
				findings.addAll(UserFacingTextScanner.findings(file.toString(), Files.readString(file)));
			}
		}
		assertThat(findings).isEmpty();
	}

	@Test
	void scannerFindsSentencesAndWordingHandedToTheUser() {
		String source = """
				class Handler {
					Reply hello() {
						return Reply.text("Hello there");
					}
					Reply word() {
						return Reply.text("Welcome");
					}
					Reply card() {
						return new Reply(texts.get("usage"), new AdaptiveCard(List.of(TextBlock.of("Recordings")), null));
					}
					Reply built(String name) {
						String greeting = "Nice to meet you, " + name;
						return Reply.text(greeting);
					}
					Reply block() {
						return Reply.text(\"""
								Dobrý den, \\"tady\\" bot
								\""");
					}
				}
				""";

		assertThat(UserFacingTextScanner.findings("Handler.java", source)).containsExactly(
				"Handler.java:3: \"Hello there\"", "Handler.java:6: \"Welcome\"", "Handler.java:9: \"Recordings\"",
				"Handler.java:12: \"Nice to meet you,\"", "Handler.java:16: \"Dobrý den, \\\"tady\\\" bot\"");
	}

	@Test
	void scannerLeavesKeysLogLinesExceptionsAndPatternsAlone() {
		String source = """
				class Handler {
					// Reply.text("Hello there") in a comment
					/* Reply.text("Hello there") in a block comment */
					private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
					Handler(@Value("${bot.public-base-url:}") String url) {
					}
					Reply usage() {
						logger.warn("Could not post the reply to request {} (status {})", id,
								status);
						if (broken) {
							throw new IllegalStateException("Recording details failed");
						}
						char quote = '"';
						this.jdbc.update("DELETE FROM processed_event WHERE seen_at <= ?", cutoff);
						return Reply.text(this.texts.get("usage", "rec 123 456 789".length(), "**", ", "));
					}
				}
				""";

		assertThat(UserFacingTextScanner.findings("Handler.java", source)).isEmpty();
	}

	static Properties bundle(String name) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + name, ex);
		}
		return properties;
	}

	static Set<String> placeholders(String message) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(message);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	static List<Path> javaFiles(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter((f) -> f.toString().endsWith(".java")).sorted().toList();
		}
	}

}
