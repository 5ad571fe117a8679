package io.github.recordingbot.recording;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.github.recordingbot.BotProperties;
import io.github.recordingbot.access.AccessConfig;
import io.github.recordingbot.texts.BotTexts;
import io.github.recordingbot.card.AdaptiveCard;
import io.github.recordingbot.card.Reply;
import io.github.recordingbot.card.WebexCardRules;
import io.github.recordingbot.webex.WebexModels.Meeting;
import io.github.recordingbot.webex.WebexModels.Recording;
import io.github.recordingbot.webex.WebexModels.TemporaryLinks;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recordings reply: card and markdown carry the same links, the markdown stays under
 * Webex's size limit, the card within Webex's card rules, and no title becomes a link;
 * the same for the offer of recent recordings.
 */
class RecordingRepliesTests {

	static final Meeting MEETING = new Meeting("s1", "s1", "123456789", "Planning", "meetingSeries", "active", null,
			null, "host", "host@example.com", "Host", "meeting");

	final RecordingReplies replies = new RecordingReplies(texts(),
			BotProperties.defaults().withPublicBaseUrl("https://bot.example.com"));

	@Test
	void oneRecordingHasThreeLinksAndTheExpiryInUtc() {
		Reply reply = this.replies.recordings(MEETING, List.of(recording(1, "Weekly")));

		assertThat(reply.markdown()).contains("**Planning**")
			.contains("Weekly, 2026-11-20 10:00 UTC, 1 h 02 min")
			.contains("[Video](https://s.webex.com/v/Weekly.mp4?r=1)")
			.contains("[Audio](https://s.webex.com/a/Weekly.mp3?r=1)")
			.contains("[Transcript](https://s.webex.com/t/Weekly.txt?r=1)")
			.contains("The links expire 2026-11-20 13:00 UTC.");
		assertThat(reply.card().body()).hasSize(3);
		assertThat(cardLinks(reply.card())).containsExactly("https://s.webex.com/v/Weekly.mp4?r=1",
				"https://s.webex.com/a/Weekly.mp3?r=1", "https://s.webex.com/t/Weekly.txt?r=1");
		assertThat(WebexCardRules.json(reply.card()).toString()).contains("The links expire 2026-11-20 13:00 UTC.");
	}

	@Test
	void recordingShorterThanAnHourShowsMinutesOnly() {
		Recording shortOne = new Recording("r", "m", "s1", "Stand-up", null, Instant.parse("2026-11-20T10:00:00Z"),
				null, 400L, "MP4", "available", null);

		assertThat(this.replies.recordings(MEETING, List.of(shortOne)).markdown())
			.contains("Stand-up, 2026-11-20 10:00 UTC, 6 min:");
	}

	@Test
	void recordingWithoutLinksSaysSo() {
		Recording bare = new Recording("r", "m", "s1", "Bare", null, Instant.parse("2026-11-20T10:00:00Z"), null, 60L,
				"MP4", "available", null);

		Reply reply = this.replies.recordings(MEETING, List.of(bare));

		assertThat(reply.markdown()).contains("Bare").contains("no download link available");
		assertThat(WebexCardRules.json(reply.card()).toString()).contains("no download link available");
		assertThat(cardLinks(reply.card())).isEmpty();
	}

	@Test
	void longListIsCutUnderTheMarkdownLimitWithANote() {
		List<Recording> many = IntStream.range(0, 300)
			.mapToObj((i) -> recording(i, "Topic " + "x".repeat(60) + i))
			.toList();

		Reply reply = this.replies.recordings(MEETING, many);

		assertThat(reply.markdown().getBytes(StandardCharsets.UTF_8).length)
			.isLessThanOrEqualTo(Reply.MAX_MARKDOWN_BYTES);
		assertThat(reply.markdown()).containsPattern("\\d+ more recordings are not listed here");
		long rows = reply.card().body().stream().filter(AdaptiveCard.Container.class::isInstance).count();
		assertThat(rows).isEqualTo(RecordingReplies.MAX_CARD_ROWS);
		WebexCardRules.assertAccepted(reply.card());
	}

	@ParameterizedTest(name = "{0} recordings")
	@ValueSource(ints = { 0, 1, 2, 5, 20, 21, 300 })
	void recordingsCardStaysWithinWebexLimitsWithoutAButtonWhateverTheNumberOfRecordings(int count) {
		List<Recording> recordings = IntStream.range(0, count).mapToObj((i) -> recording(i, "Topic " + i)).toList();

		Reply reply = this.replies.recordings(MEETING, recordings);

		WebexCardRules.assertAccepted(reply.card());
		assertThat(WebexCardRules.actions(WebexCardRules.json(reply.card()))).isZero();
		assertThat(cardLinks(reply.card())).hasSize(3 * Math.min(count, RecordingReplies.MAX_CARD_ROWS));
	}

	@Test
	void cardCarriesTheSameLinksAsTheTextReplyForEveryRowItShows() {
		List<Recording> twenty = IntStream.range(0, RecordingReplies.MAX_CARD_ROWS)
			.mapToObj((i) -> recording(i, "Topic " + i))
			.toList();

		Reply reply = this.replies.recordings(MEETING, twenty);

		assertThat(cardLinks(reply.card())).hasSize(60).containsExactlyElementsOf(links(reply.markdown()));
		assertThat(cardLinks(reply.card())).contains("https://s.webex.com/v/Topic%2019.mp4?r=19");
	}

	@Test
	void cardSeparatesRowsWithABooleanSeparator() {
		Reply reply = this.replies.recordings(MEETING, List.of(recording(1, "Weekly")));

		JsonNode row = WebexCardRules.json(reply.card()).get("body").get(1);
		assertThat(row.get("type").asString()).isEqualTo("Container");
		assertThat(row.get("separator").isBoolean()).isTrue();
		assertThat(row.get("separator").asBoolean()).isTrue();
	}

	@Test
	void titleAndTopicCannotBecomeALinkOrFormattingOnTheCardOrInTheText() {
		Meeting evil = new Meeting("s1", "s1", "123456789", "[click](https://evil.example)", "meetingSeries", "active",
				null, null, "host", "host@example.com", "Host", "meeting");

		Reply reply = this.replies.recordings(evil, List.of(recording(1, "**[x](https://evil.example/t)**")));

		assertThat(cardLinks(reply.card())).isNotEmpty()
			.allSatisfy((url) -> assertThat(url).startsWith("https://s.webex.com/"));
		assertThat(links(reply.markdown())).isNotEmpty()
			.allSatisfy((url) -> assertThat(url).startsWith("https://s.webex.com/"));
		assertThat(cardTexts(reply.card())).contains("\\[click\\](https\\://evil.example)",
				"\\*\\*\\[x\\](https\\://evil.example/t)\\*\\*");
		WebexCardRules.assertAccepted(reply.card());
	}

	@Nested
	class RecentRecordingsOffer {

		final List<Recording> ten = IntStream.range(0, RecentRecordings.MAX_SHOWN)
			.mapToObj((i) -> recording(i, "Topic " + i))
			.toList();

		@Test
		void tenMeetingsFitOneDropDownAndOneButton() {
			Reply reply = RecordingRepliesTests.this.replies.recentRecordings(this.ten);

			WebexCardRules.assertAccepted(reply.card());
			JsonNode card = WebexCardRules.json(reply.card());
			assertThat(WebexCardRules.actions(card)).isEqualTo(1);
			JsonNode choices = card.get("body").get(1);
			assertThat(choices.get("type").asString()).isEqualTo("Input.ChoiceSet");
			assertThat(choices.get("id").asString()).isEqualTo(RecentRecordings.MEETING_ID);
			assertThat(choices.get("choices").valueStream().map((c) -> c.get("value").asString())).containsExactly("m0",
					"m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
			assertThat(choices.get("choices").get(3).get("title").asString())
				.isEqualTo("Topic 3, 2026-11-20 10:00 UTC");
			assertThat(choices.get("value").asString()).isEqualTo("m0");
			assertThat(choices.get("isRequired").asBoolean()).isTrue();
		}

		@Test
		void theButtonSubmitsOnlyTheChosenMeeting() {
			JsonNode card = WebexCardRules.json(RecordingRepliesTests.this.replies.recentRecordings(this.ten).card());

			JsonNode button = card.get("actions").get(0);
			assertThat(button.get("type").asString()).isEqualTo("Action.Submit");
			assertThat(button.get("title").asString()).isEqualTo("Get the links");
			assertThat(button.has("data")).isFalse();
		}

		@Test
		void textReplyListsEveryMeetingWithItsTopicEscaped() {
			List<Recording> offered = List.of(recording(0, "[click](https://evil.example)"), recording(1, "Weekly"));

			Reply reply = RecordingRepliesTests.this.replies.recentRecordings(offered);

			assertThat(reply.markdown()).startsWith("Forwarding recordings works when the bot runs in websocket mode.")
				.contains("\n- \\[click\\](https\\://evil.example), 2026-11-20 10:00 UTC")
				.contains("\n- Weekly, 2026-11-20 10:00 UTC");
			assertThat(links(reply.markdown())).isEmpty();
			// A drop-down's titles are plain text, so they show the title as it is.
			assertThat(
					WebexCardRules.json(reply.card()).get("body").get(1).get("choices").get(0).get("title").asString())
				.isEqualTo("[click](https://evil.example), 2026-11-20 10:00 UTC");
		}

	}

	@Test
	void notAuthorizedPointsTheOperatorToTheAuthorizePage() {
		assertThat(this.replies.notAuthorized().markdown()).isEqualTo(
				"The bot is not authorized yet; ask the operator to open https://bot.example.com/webex/authorize");
	}

	static List<String> links(String markdown) {
		return WebexCardRules.markdownLinks(markdown);
	}

	static List<String> cardLinks(AdaptiveCard card) {
		return WebexCardRules.links(WebexCardRules.json(card));
	}

	static List<String> cardTexts(AdaptiveCard card) {
		List<String> texts = new ArrayList<>();
		collectTexts(WebexCardRules.json(card), texts);
		return texts;
	}

	private static void collectTexts(JsonNode node, List<String> texts) {
		if (node.isObject() && "TextBlock".equals(node.path("type").asString(""))) {
			texts.add(node.get("text").asString());
		}
		node.forEach((child) -> collectTexts(child, texts));
	}

	static Recording recording(int i, String topic) {
		TemporaryLinks links = new TemporaryLinks("https://s.webex.com/v?r=" + i, "https://s.webex.com/a?r=" + i,
				"https://s.webex.com/t?r=" + i, Instant.parse("2026-11-20T13:00:00Z"));
		return new Recording("r" + i, "m" + i, "s1", topic, null, Instant.parse("2026-11-20T10:00:00Z"), null, 3725L,
				"MP4", "available", links);
	}

	static BotTexts texts() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setAlwaysUseMessageFormat(true);
		messages.setFallbackToSystemLocale(false);
		return new BotTexts(messages, AccessConfig::denyAll);
	}

}
