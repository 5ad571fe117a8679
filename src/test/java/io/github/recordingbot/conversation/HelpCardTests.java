package io.github.recordingbot.conversation;

import java.util.ArrayList;
import java.util.List;

import io.github.recordingbot.access.AccessConfig;
import io.github.recordingbot.access.AccessRules;
import io.github.recordingbot.access.BotTexts;
import io.github.recordingbot.card.Reply;
import io.github.recordingbot.card.WebexCardRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The help card, in both languages and with or without the host field, is one Webex
 * accepts: version 1.3, one button, booleans as booleans.
 */
class HelpCardTests {

	@ParameterizedTest(name = "{0}, host only {1}")
	@CsvSource({ "en_US, true", "en_US, false", "cs_CZ, true", "cs_CZ, false" })
	void helpCardStaysWithinWebexLimits(String language, boolean hostOnly) {
		AccessConfig config = new AccessConfig(List.of(), List.of(), hostOnly, true, language,
				AccessConfig.DEFAULT_MAX_DAYS_BACK, List.of(), AccessConfig.RateLimit.DEFAULTS);
		AccessRules rules = () -> config;

		Reply help = new ConversationReplies(texts(rules), rules).help();

		WebexCardRules.assertAccepted(help.card());
		JsonNode card = WebexCardRules.json(help.card());
		assertThat(WebexCardRules.actions(card)).isEqualTo(1);
		assertThat(card.get("body").get(1).get("isRequired").isBoolean()).isTrue();
		List<String> ids = new ArrayList<>();
		card.get("body").forEach((element) -> {
			if (element.has("id")) {
				ids.add(element.get("id").asString());
			}
		});
		assertThat(ids).isEqualTo(hostOnly ? List.of("meeting_number", "days_back")
				: List.of("meeting_number", "meeting_host", "days_back"));
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
