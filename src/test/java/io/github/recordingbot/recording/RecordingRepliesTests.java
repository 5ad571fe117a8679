package io.github.recordingbot.recording;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import io.github.recordingbot.access.AccessConfig;
import io.github.recordingbot.access.BotTexts;
import io.github.recordingbot.card.AdaptiveCard;
import io.github.recordingbot.card.Reply;
import io.github.recordingbot.webex.WebexModels.Meeting;
import io.github.recordingbot.webex.WebexModels.Recording;
import io.github.recordingbot.webex.WebexModels.TemporaryLinks;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recordings reply: card and markdown carry the same links, and the markdown stays
 * under Webex's size limit.
 */
class RecordingRepliesTests {

	static final Meeting MEETING = new Meeting("s1", "s1", "123456789", "Planning", "meetingSeries", "active", null,
			null, "host", "host@example.com", "Host", "meeting");

	final RecordingReplies replies = new RecordingReplies(texts(), "https://bot.example.com");

	@Test
	void oneRecordingHasThreeButtonsAndTheExpiryInUtc() {
		Reply reply = this.replies.recordings(MEETING, List.of(recording(1, "Weekly")));

		assertThat(reply.markdown()).contains("**Planning**")
			.contains("Weekly, 2026-11-20 10:00 UTC, 1 h 02 min")
			.contains("[Video](https://s.webex.com/v/Weekly.mp4?r=1)")
			.contains("[Audio](https://s.webex.com/a/Weekly.mp3?r=1)")
			.contains("[Transcript](https://s.webex.com/t/Weekly.txt?r=1)")
			.contains("The links expire 2026-11-20 13:00 UTC.");
		assertThat(reply.card().body()).hasSize(3);
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
	}

	@Test
	void notAuthorizedPointsTheOperatorToTheAuthorizePage() {
		assertThat(this.replies.notAuthorized().markdown()).isEqualTo(
				"The bot is not authorized yet; ask the operator to open https://bot.example.com/webex/authorize");
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
