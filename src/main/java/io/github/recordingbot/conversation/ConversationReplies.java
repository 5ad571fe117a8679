package io.github.recordingbot.conversation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.recordingbot.access.AccessConfig;
import io.github.recordingbot.access.AccessRules;
import io.github.recordingbot.access.BotTexts;
import io.github.recordingbot.card.AdaptiveCard;
import io.github.recordingbot.card.AdaptiveCard.Element;
import io.github.recordingbot.card.AdaptiveCard.NumberInput;
import io.github.recordingbot.card.AdaptiveCard.Submit;
import io.github.recordingbot.card.AdaptiveCard.TextBlock;
import io.github.recordingbot.card.AdaptiveCard.TextInput;
import io.github.recordingbot.card.Reply;

import org.springframework.stereotype.Component;

/**
 * The conversation's own replies: the help card and the short answers that need no
 * lookup.
 */
@Component
class ConversationReplies {

	static final int DEFAULT_DAYS_BACK = 10;

	private static final DateTimeFormatter RETRY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final BotTexts texts;

	private final AccessRules rules;

	ConversationReplies(BotTexts texts, AccessRules rules) {
		this.texts = texts;
		this.rules = rules;
	}

	/**
	 * The help card: a one-line explanation and the request form, with the original bot's
	 * input ids.
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
		AdaptiveCard card = new AdaptiveCard(body,
				List.of(new Submit(this.texts.get("help.submit"), Map.of("command_keyword", "rec"))));
		return new Reply(this.texts.get("help.markdown", defaultDaysBack(config), maxDays), card);
	}

	Reply usage() {
		return Reply.text(this.texts.get("usage"));
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
		return Reply.text(this.texts.get("reply.rateLimited", RETRY_TIME.format(at)));
	}

	Reply webexDown() {
		return Reply.text(this.texts.get("reply.webexDown"));
	}

	static int defaultDaysBack(AccessConfig config) {
		return Math.min(DEFAULT_DAYS_BACK, config.maxDaysBack());
	}

}
