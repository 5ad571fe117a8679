package io.github.recordingbot.card;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.recordingbot.card.AdaptiveCard.Container;
import io.github.recordingbot.card.AdaptiveCard.Submit;
import io.github.recordingbot.card.AdaptiveCard.TextBlock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules every card test relies on catch what Webex refuses, and every card the bot
 * builds has a test that applies them.
 */
class WebexCardRulesTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void cardWithFiveButtonsAndBooleansAsBooleansIsAccepted() {
		AdaptiveCard card = new AdaptiveCard(List.of(TextBlock
			.heading("Planning"), new Container(List.of(TextBlock.subtle("x")), true)), IntStream
				.range(0, 5).<AdaptiveCard.Action>mapToObj((i) -> new Submit("B" + i, Map.of("k", "v" + i))).toList());

		assertThat(WebexCardRules.violations(WebexCardRules.json(card))).isEmpty();
		assertThat(WebexCardRules.json(card).get("body").get(1).get("separator").isBoolean()).isTrue();
	}

	@Test
	void everyCardTheBotBuildsIsBuiltWhereACardRulesTestCoversIt() throws IOException {
		List<String> builders;
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			builders = files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> read(file).contains("new AdaptiveCard("))
				.map((file) -> file.getFileName().toString())
				.sorted()
				.toList();
		}
		// Covered by HelpCardTests and RecordingRepliesTests; a new builder needs its
		// own.
		assertThat(builders).containsExactly("ConversationReplies.java", "RecordingReplies.java");
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read " + file, ex);
		}
	}

	static List<String> violations(String card) {
		return WebexCardRules.violations(JSON.readTree(card));
	}

	@Nested
	class Refuses {

		@Test
		void sixButtons() {
			AdaptiveCard card = new AdaptiveCard(List.of(TextBlock.of("x")),
					IntStream.range(0, 6).<AdaptiveCard.Action>mapToObj((i) -> new Submit("B" + i, null)).toList());

			assertThat(WebexCardRules.violations(WebexCardRules.json(card))).containsExactly("6 actions, more than 5");
		}

		@Test
		void sixActionsCountedInActionSetsSelectActionsAndTheActionBar() {
			String card = """
					{"type":"AdaptiveCard","version":"1.3","body":[
					  {"type":"ActionSet","actions":[{"type":"Action.OpenUrl","title":"a","url":"https://a.example"},
					    {"type":"Action.Submit","title":"b"}]},
					  {"type":"Container","items":[{"type":"TextBlock","text":"c"}],
					    "selectAction":{"type":"Action.OpenUrl","url":"https://c.example"}},
					  {"type":"Container","items":[{"type":"ActionSet","actions":[{"type":"Action.Submit","title":"d"}]}]}],
					 "actions":[{"type":"Action.Submit","title":"e"},{"type":"Action.Submit","title":"f"}]}
					""";

			assertThat(violations(card)).containsExactly("6 actions, more than 5");
		}

		@Test
		void aBooleanWrittenAsAString() {
			String card = """
					{"type":"AdaptiveCard","version":"1.3","body":[
					  {"type":"Container","separator":"true","items":[{"type":"TextBlock","text":"x"}]}]}
					""";

			assertThat(violations(card)).isNotEmpty().anySatisfy((v) -> assertThat(v).contains("separator"));
		}

		@Test
		void anElementNewerThanOnePointThree() {
			String card = """
					{"type":"AdaptiveCard","version":"1.3","body":[
					  {"type":"Table","columns":[{"width":1}],"rows":[]}]}
					""";

			assertThat(violations(card)).isNotEmpty();
		}

		@Test
		void aPropertyNewerThanOnePointThree() {
			String card = """
					{"type":"AdaptiveCard","version":"1.3","body":[
					  {"type":"TextBlock","text":"x","style":"heading"}]}
					""";

			assertThat(violations(card)).isNotEmpty().anySatisfy((v) -> assertThat(v).contains("style"));
		}

		@Test
		void anActionNewerThanOnePointThree() {
			String card = """
					{"type":"AdaptiveCard","version":"1.3","body":[],
					 "actions":[{"type":"Action.Execute","title":"x","verb":"go"}]}
					""";

			assertThat(violations(card)).isNotEmpty();
		}

		@Test
		void aVersionOtherThanOnePointThree() {
			String card = """
					{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x"}]}
					""";

			assertThat(violations(card)).containsExactly("version is \"1.5\", not \"1.3\"");
		}

	}

}
