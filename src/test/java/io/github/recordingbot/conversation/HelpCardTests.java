package io.github.recordingbot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.recordingbot.access.AccessConfig;
import io.github.recordingbot.access.AccessRules;
import io.github.recordingbot.texts.BotTexts;
import io.github.recordingbot.card.Reply;
import io.github.recordingbot.card.WebexCardRules;
import io.github.recordingbot.support.TestClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The help card, in both languages and with or without the host field, is one Webex
 * accepts (version 1.3, two buttons, booleans as booleans), and its text explains every
 * way to ask with examples the parser accepts.
 */
class HelpCardTests {

	static final Pattern EXAMPLE = Pattern.compile("`([^`]+)`");

	@ParameterizedTest(name = "{0}, host only {1}")
	@CsvSource({ "en_US, true", "en_US, false", "cs_CZ, true", "cs_CZ, false" })
	void helpCardStaysWithinWebexLimits(String language, boolean hostOnly) {
		Reply help = help(language, hostOnly);

		WebexCardRules.assertAccepted(help.card());
		JsonNode card = WebexCardRules.json(help.card());
		assertThat(WebexCardRules.actions(card)).isEqualTo(2);
		assertThat(card.get("body").get(1).get("isRequired").isBoolean()).isTrue();
		List<String> ids = new ArrayList<>();
		card.get("body").forEach((element) -> {
			if (element.has("id")) {
				ids.add(element.get("id").asString());
			}
		});
		assertThat(ids).isEqualTo(hostOnly ? List.of("meeting_number", "days_back", "meeting_date")
				: List.of("meeting_number", "meeting_host", "days_back", "meeting_date"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "en_US", "cs_CZ" })
	void myRecordingsButtonAsksForRecentWithoutTheFormsRequiredInputs(String language) {
		JsonNode card = WebexCardRules.json(help(language, false).card());

		JsonNode recent = card.get("actions").get(1);
		assertThat(recent.get("associatedInputs").asString()).isEqualTo("none");
		assertThat(CommandParser
			.parseCard(java.util.Map.of("command_keyword", recent.get("data").get("command_keyword").asString())))
			.isEqualTo(new Command.Recent(null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "en_US", "cs_CZ" })
	void helpTextGivesEveryWayToAskTwoLinesWithExamplesThatParse(String language) {
		String markdown = help(language, false).markdown();

		List<String> examples = new ArrayList<>();
		Matcher example = EXAMPLE.matcher(markdown);
		while (example.find()) {
			examples.add(example.group(1));
		}
		assertThat(examples).hasSize(8);
		assertThat(examples).allSatisfy((text) -> assertThat(CommandParser.parseText(text)).as(text)
			.isInstanceOfAny(Command.Rec.class, Command.Recent.class));
		assertThat(examples.stream().map(CommandParser::parseText))
			.anySatisfy((c) -> assertThat(c).isInstanceOfSatisfying(Command.Rec.class,
					(rec) -> assertThat(rec.link()).isNotNull()))
			.anySatisfy((c) -> assertThat(c).isInstanceOfSatisfying(Command.Rec.class,
					(rec) -> assertThat(rec.link()).isNotNull().matches((link) -> link.personalRoom())))
			.anySatisfy((c) -> assertThat(c).isInstanceOfSatisfying(Command.Rec.class,
					(rec) -> assertThat(rec.day()).isNotNull()))
			.anySatisfy((c) -> assertThat(c).isInstanceOf(Command.Recent.class));
		// an intro paragraph, then four forms of two lines each
		String[] paragraphs = markdown.split("\n\n");
		assertThat(paragraphs).hasSize(5);
		for (int i = 1; i < paragraphs.length; i++) {
			assertThat(paragraphs[i].split("\n")).as(paragraphs[i]).hasSize(2);
		}
	}

	static Reply help(String language, boolean hostOnly) {
		AccessConfig config = new AccessConfig(List.of(), List.of(), hostOnly, true, language,
				AccessConfig.DEFAULT_MAX_DAYS_BACK, List.of(), AccessConfig.RateLimit.DEFAULTS);
		AccessRules rules = () -> config;
		return new ConversationReplies(texts(rules), rules, TestClock.CLOCK).help();
	}

	static BotTexts texts(AccessRules rules) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setAlwaysUseMessageFormat(true);
		messages.setFallbackToSystemLocale(false);
		return new BotTexts(messages, rules);
	}

}
