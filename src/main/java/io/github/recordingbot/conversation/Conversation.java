package io.github.recordingbot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.github.recordingbot.access.AccessConfig;
import io.github.recordingbot.access.AccessPolicy;
import io.github.recordingbot.access.AccessRules;
import io.github.recordingbot.access.RateLimiter;
import io.github.recordingbot.access.RefusalThrottle;
import io.github.recordingbot.audit.AuditLog;
import io.github.recordingbot.audit.AuditRecord;
import io.github.recordingbot.audit.AuditRecord.Decision;
import io.github.recordingbot.audit.AuditRecord.Requester;
import io.github.recordingbot.audit.AuditUnavailableException;
import io.github.recordingbot.card.Reply;
import io.github.recordingbot.recording.RecordingLookup;
import io.github.recordingbot.recording.RecordingRequest;
import io.github.recordingbot.webex.WebexException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Answers one chat event: drops bots, asks the {@link AccessPolicy} about the sender and
 * the room, runs the command, writes exactly one audit record, then posts the reply into
 * the room Webex says the message or card action is in. Links go out only after their
 * audit line is written.
 */
@Component
public class Conversation {

	private static final Logger logger = LoggerFactory.getLogger(Conversation.class);

	private final InboundResolver resolver;

	private final AccessRules rules;

	private final AccessPolicy policy;

	private final RecordingLookup recordings;

	private final ConversationReplies replies;

	private final ReplySender sender;

	private final AuditLog audit;

	private final BotIdentity identity;

	private final Clock clock;

	private final ForwardedRecordings forwards;

	private final RateLimiter limiter;

	private final MeterRegistry meters;

	private final RefusalThrottle refusals;

	Conversation(InboundResolver resolver, AccessRules rules, AccessPolicy policy, RecordingLookup recordings,
			ConversationReplies replies, ReplySender sender, AuditLog audit, BotIdentity identity, Clock clock,
			ForwardedRecordings forwards, RateLimiter limiter, MeterRegistry meters, RefusalThrottle refusals) {
		this.resolver = resolver;
		this.rules = rules;
		this.policy = policy;
		this.recordings = recordings;
		this.replies = replies;
		this.sender = sender;
		this.audit = audit;
		this.identity = identity;
		this.clock = clock;
		this.forwards = forwards;
		this.limiter = limiter;
		this.meters = meters;
		this.refusals = refusals;
	}

	/**
	 * Handles the event; never throws.
	 * @param event the event
	 */
	public void handle(ChatEvent event) {
		String requestId = UUID.randomUUID().toString();
		try {
			handle(event, requestId);
		}
		catch (RuntimeException ex) {
			logger.error("Request {} for event {} failed", requestId, event.eventId(), ex);
		}
	}

	private void handle(ChatEvent event, String requestId) {
		Inbound inbound;
		try {
			inbound = this.resolver.resolve(event);
		}
		catch (WebexException ex) {
			// No reply: without Webex's record the bot does not know the room, and the
			// room a delivery names is never trusted.
			logger.warn("Could not fetch event {} from Webex (status {}); no room to answer in", event.eventId(),
					ex.status());
			finish(Inbound.unresolved(event), requestId, "unknown", null, Answer.of(null, Reason.FETCH_FAILED));
			return;
		}
		if (this.identity.isBot(inbound.personId(), inbound.personEmail())) {
			return;
		}
		AccessPolicy.Verdict admission = this.policy.admit(inbound.personEmail(), inbound.isDirect());
		if (admission.refusal() == AccessPolicy.Refusal.NOT_APPROVED) {
			// Within a sender's quiet window the refusal is only counted; the count is
			// audited on the next answered refusal or by RefusalSummaries.
			RefusalThrottle.Notice notice = this.refusals
				.refuse(new RefusalThrottle.Sender(inbound.personId(), inbound.personEmail(), inbound.roomType()));
			if (notice.answer()) {
				finish(inbound, requestId, commandName(inbound), null,
						Answer.of(this.replies.notApproved(), Reason.NOT_APPROVED), notice.suppressed());
			}
			return;
		}
		if (!admission.allowed()) {
			finish(inbound, requestId, commandName(inbound), null,
					Answer.of(this.replies.groupRoom(), Answer.refused(admission.refusal())));
			return;
		}
		AccessConfig config = this.rules.current();
		if (ForwardedRecordings.isForward(inbound)) {
			// A share names its meeting instance, which counts like a meeting number; the
			// offer card for a webhook forward names none, its pick is counted below.
			String command = (inbound.event().kind() == ChatEvent.Kind.SHARE) ? "share" : "forward";
			if (rateLimited(inbound, requestId, command, inbound.event().meetingInstanceId(), null, config)) {
				return;
			}
			ForwardedRecordings.Handled handled = this.forwards.answer(inbound, config);
			finish(inbound, requestId, handled.command(), handled.request(), handled.answer());
			return;
		}
		Command command = (inbound.event().kind() == ChatEvent.Kind.CARD_ACTION)
				? CommandParser.parseCard(inbound.inputs()) : CommandParser.parseText(inbound.text());
		if (command instanceof Command.Rec rec) {
			// One day is looked for within the whole allowed window.
			int days = (rec.day() != null) ? config.maxDaysBack()
					: (rec.daysBack() != null) ? rec.daysBack() : ConversationReplies.defaultDaysBack(config);
			String host = (rec.hostEmail() != null) ? rec.hostEmail() : inbound.personEmail();
			RecordingRequest request = new RecordingRequest(inbound.personId(), inbound.personEmail(),
					rec.meetingNumber(), host, days, rec.link(), rec.day());
			if (days < 1 || days > config.maxDaysBack()) {
				finish(inbound, requestId, rec.name(), request,
						Answer.of(this.replies.daysOutOfRange(), Reason.DAYS_OUT_OF_RANGE));
				return;
			}
			if (rec.day() != null && !rec.day().within(this.clock, config.maxDaysBack())) {
				finish(inbound, requestId, rec.name(), request,
						Answer.of(this.replies.dayOutOfRange(), Reason.DAY_OUT_OF_RANGE));
				return;
			}
			String meeting = (rec.link() != null) ? rec.link().url() : rec.meetingNumber();
			if (rateLimited(inbound, requestId, rec.name(), meeting, request, config)) {
				return;
			}
			finish(inbound, requestId, rec.name(), request, Answer.of(this.recordings.find(request)));
		}
		else if (command instanceof Command.Recent recent) {
			int max = ConversationReplies.maxRecentDays(config);
			int days = (recent.days() != null) ? recent.days() : max;
			if (days < 1 || days > max) {
				finish(inbound, requestId, recent.name(), null,
						Answer.of(this.replies.recentDaysOutOfRange(), Reason.DAYS_OUT_OF_RANGE));
				return;
			}
			if (rateLimited(inbound, requestId, recent.name(), null, null, config)) {
				return;
			}
			ForwardedRecordings.Handled handled = this.forwards.recent(inbound, recent, days);
			finish(inbound, requestId, handled.command(), handled.request(), handled.answer());
		}
		else if (command instanceof Command.Pick pick) {
			// The picked meeting counts toward meetings_per_day like a typed number: the
			// card's meeting_id is only a pointer, and a forged submit may carry any id.
			if (rateLimited(inbound, requestId, pick.name(), pick.meetingId(), null, config)) {
				return;
			}
			ForwardedRecordings.Handled handled = this.forwards.pick(inbound, pick, config);
			finish(inbound, requestId, handled.command(), handled.request(), handled.answer());
		}
		else if (command instanceof Command.Invalid invalid) {
			finish(inbound, requestId, invalid.name(), null, Answer.of(this.replies.usage(), invalid.reason()));
		}
		else {
			finish(inbound, requestId, command.name(), null, Answer.of(this.replies.help(), Reason.HELP));
		}
	}

	/**
	 * Applies the per-sender limits; when they refuse, answers and audits the refusal.
	 * @param meeting what is asked for (a meeting number, or the meeting id of a pick or
	 * a share), or {@code null} when no meeting is named
	 * @return whether the request was refused
	 */
	private boolean rateLimited(Inbound inbound, String requestId, String command, String meeting,
			RecordingRequest request, AccessConfig config) {
		RateLimiter.Admission admission = this.limiter.admit(inbound.personId(), meeting, config.rateLimit());
		if (admission.allowed()) {
			return false;
		}
		finish(inbound, requestId, command, request,
				Answer.of(this.replies.rateLimited(admission.retryAt()), rateLimit(admission)));
		return true;
	}

	/** Which of the rate limits refused: the limiter names it for the audit. */
	private static Reason rateLimit(RateLimiter.Admission admission) {
		return switch (admission.reason()) {
			case "requests_per_minute" -> Reason.REQUESTS_PER_MINUTE;
			case "meetings_per_day" -> Reason.MEETINGS_PER_DAY;
			default -> throw new IllegalStateException("Unknown rate limit " + admission.reason());
		};
	}

	private void finish(Inbound inbound, String requestId, String command, RecordingRequest request, Answer answer) {
		finish(inbound, requestId, command, request, answer, 0);
	}

	private void finish(Inbound inbound, String requestId, String command, RecordingRequest request, Answer answer,
			long suppressed) {
		ChatEvent event = inbound.event();
		Decision decision = AuditTrail.decision(answer.reason());
		AuditRecord record = new AuditRecord(this.clock.instant(), requestId, event.eventId(),
				new Requester(inbound.personEmail(), inbound.personId()), inbound.roomType(), command,
				(request != null) ? request.meetingNumber() : null, (request != null) ? request.hostEmail() : null,
				(request != null) ? request.daysBack() : null,
				(request != null && request.link() != null) ? request.link().redacted() : null,
				(request != null && request.day() != null) ? request.day().audit() : null, decision, answer.code(),
				answer.meetingIds(), answer.recordingIds(),
				Duration.between(event.received(), this.clock.instant()).toMillis(), suppressed);
		Reply reply = answer.reply();
		try {
			this.audit.write(record);
		}
		catch (AuditUnavailableException ex) {
			logger.error("Audit unavailable for request {}; no links sent", requestId);
			reply = answer.carriesLinks() ? this.replies.auditUnavailable() : reply;
		}
		this.sender.send(inbound.roomId(), reply, requestId);
		ConversationMetrics.record(this.meters, decision, Duration.between(event.received(), this.clock.instant()));
	}

	private static String commandName(Inbound inbound) {
		return switch (inbound.event().kind()) {
			case MESSAGE -> CommandParser.parseText(inbound.text()).name();
			case CARD_ACTION -> "card";
			case SHARE -> "share";
		};
	}

}
