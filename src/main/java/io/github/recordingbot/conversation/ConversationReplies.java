package io.github.recordingbot.conversation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.recordingbot.access.AccessConfig;
import io.github.recordingbot.access.AccessRules;
import io.github.recordingbot.texts.BotTexts;
import io.github.recordingbot.card.AdaptiveCard;
import io.github.recordingbot.card.AdaptiveCard.DateInput;
import io.github.recordingbot.card.AdaptiveCard.Element;
import io.github.recordingbot.card.AdaptiveCard.NumberInput;
import io.github.recordingbot.card.AdaptiveCard.Submit;
import io.github.recordingbot.card.AdaptiveCard.TextBlock;
import io.github.recordingbot.card.AdaptiveCard.TextInput;
import io.github.recordingbot.card.Reply;
import io.github.recordingbot.recording.RecentRecordings;

import org.springframework.stereotype.Component;

/**
 * The conversation's own replies: the help card and the short answers that need no
 * lookup.
 */
@Component
class ConversationReplies {

	static final int DEFAULT_DAYS_BACK = 10;

	private final BotTexts texts;

	/**
	 * A meeting link in the examples: the shape Webex hands out, on a site that does not
	 * exist.
	 */
	static final String EXAMPLE_LINK = "https://example.webex.com/example/j.php?MTID=m0123456789abcdef0123456789abcdef";

	static final String EXAMPLE_ROOM_LINK = "https://example.webex.com/meet/alice";

	private final AccessRules rules;

	private final Clock clock;

	ConversationReplies(BotTexts texts, AccessRules rules, Clock clock) {
		this.texts = texts;
		this.rules = rules;
		this.clock = clock;
	}

	/**
	 * The help card: a short explanation, the request form with the original bot's input
	 * ids (the meeting field also takes a link, and an optional day), and a second button
	 * for the sender's own recordings that submits no input.
	 */
	Reply help() {
		AccessConfig config = this.rules.current();
		int maxDays = config.maxDaysBack();
		List<Element> body = new ArrayList<>();
		body.add(TextBlock.of(this.texts.get("help.intro")));
		body.add(new TextInput(CommandParser.MEETING_NUMBER, this.texts.get("help.meetingNumber"),
				this.texts.get("help.meetingNumberPlaceholder"), null, true, null));
		if (!config.respondOnlyToHost()) {
			body.add(new TextInput(CommandParser.MEETING_HOST, this.texts.get("help.host"),
					this.texts.get("help.hostPlaceholder"), null, false, null));
		}
		body.add(new NumberInput(CommandParser.DAYS_BACK, this.texts.get("help.daysBack", maxDays),
				defaultDaysBack(config), 1, maxDays, null));
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		body.add(new DateInput(CommandParser.MEETING_DATE, this.texts.get("help.day"),
				today.minusDays(maxDays).toString(), today.plusDays(1).toString(), null));
		AdaptiveCard card = new AdaptiveCard(body,
				List.of(new Submit(this.texts.get("help.submit"),
						Map.of(CommandParser.COMMAND_KEYWORD, CommandParser.REC)),
						Submit.withoutInputs(this.texts.get("help.recent"),
								Map.of(CommandParser.COMMAND_KEYWORD, CommandParser.RECENT))));
		return new Reply(helpMarkdown(config), card);
	}

	/**
	 * Two short lines per way to ask; the examples are built from the parser's own words
	 * (and the language's day words), and a test parses each of them.
	 */
	private String helpMarkdown(AccessConfig config) {
		String number = "rec 123 456 789";
		String yesterday = this.texts.get("help.word.yesterday");
		String on = this.texts.get("help.word.on");
		String date = LocalDate.now(this.clock.withZone(ZoneOffset.UTC)).minusDays(2).toString();
		return String.join("\n\n", this.texts.get("help.intro.markdown"),
				this.texts.get("help.byNumber", code(number), code("rec 123456789 alice@example.com 20"),
						defaultDaysBack(config), config.maxDaysBack()),
				this.texts.get("help.byLink", code(CommandParser.REC + " " + EXAMPLE_LINK),
						code(CommandParser.REC + " " + EXAMPLE_ROOM_LINK)),
				this.texts.get("help.byDay", code(number + " " + yesterday), code(number + " " + on + " " + date)),
				this.texts.get("help.recentForm", code(CommandParser.RECENT), code(CommandParser.RECENT + " 7"),
						maxRecentDays(config)));
	}

	private static String code(String example) {
		return "`" + example + "`";
	}

	Reply usage() {
		return Reply.text(this.texts.get("usage"));
	}

	Reply dayOutOfRange() {
		return Reply.text(this.texts.get("usage.day", this.rules.current().maxDaysBack(),
				"rec 123456789 " + this.texts.get("help.word.yesterday")));
	}

	Reply recentDaysOutOfRange() {
		return Reply.text(this.texts.get("usage.recentDays", maxRecentDays(this.rules.current())));
	}

	/** {@code recent} covers what one list call allows, and no more than the rules do. */
	static int maxRecentDays(AccessConfig config) {
		return Math.min(RecentRecordings.maxDays(), config.maxDaysBack());
	}

	Reply daysOutOfRange() {
		int max = this.rules.current().maxDaysBack();
		return Reply.text(this.texts.get("usage.daysBack", max, Math.min(DEFAULT_DAYS_BACK * 2, max)));
	}

	Reply groupRoom() {
		return Reply.text(this.texts.get("reply.groupRoom"));
	}

	Reply notApproved() {
		return Reply.text(this.texts.get("reply.notApproved"));
	}

	Reply auditUnavailable() {
		return Reply.text(this.texts.get("reply.auditUnavailable"));
	}

	/**
	 * The refusal of a sender over the rate limit, naming when to try again (rounded up
	 * to the minute).
	 */
	Reply rateLimited(Instant retryAt) {
		Instant at = retryAt.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
		return Reply.text(this.texts.get("reply.rateLimited", BotTexts.utc(at)));
	}

	static int defaultDaysBack(AccessConfig config) {
		return Math.min(DEFAULT_DAYS_BACK, config.maxDaysBack());
	}

}
