package io.github.recordingbot.recording;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.recordingbot.texts.BotTexts;
import io.github.recordingbot.card.Reply;
import io.github.recordingbot.recording.Outcome.Result;
import io.github.recordingbot.webex.WebexException;
import io.github.recordingbot.webex.WebexOfficerClient;
import io.github.recordingbot.webex.WebexModels.Recording;

import org.springframework.stereotype.Service;

/**
 * Offers a sender their own recent recordings to pick from, for a forwarded recording the
 * bot cannot identify (webhook mode: the REST message names no meeting).
 *
 * <p>
 * One list: {@code GET /admin/recordings?from&to} (the documented Compliance Officer
 * call; at most 30 days, all pages up to the page cap), keeping the recordings whose
 * {@code hostEmail} is the sender's. The user-level {@code /recordings?hostEmail=} is not
 * an option: for an officer-only token Webex ignores {@code hostEmail} and answers with
 * the officer's own recordings. Listing needs no policy check: it shows only recordings
 * the sender hosted, and no links; picking one runs the full request with the policy.
 *
 * @see <a href=
 * "https://developer.webex.com/docs/api/v1/recordings/list-recordings-for-an-admin-or-compliance-officer">List
 * Recordings For an Admin or Compliance Officer</a>
 */
@Service
public class RecentRecordings {

	/**
	 * The input the offer card's drop-down submits the chosen meeting's id under; the
	 * conversation reads it to run the request for that meeting.
	 */
	public static final String MEETING_ID = "meeting_id";

	static final Duration WINDOW = Duration.ofDays(30);

	static final int MAX_SHOWN = 10;

	private final WebexOfficerClient webex;

	private final RecordingReplies replies;

	private final UpstreamErrors upstreamErrors;

	private final BotTexts texts;

	private final Clock clock;

	public RecentRecordings(WebexOfficerClient webex, RecordingReplies replies, BotTexts texts, Clock clock) {
		this.webex = webex;
		this.replies = replies;
		this.upstreamErrors = new UpstreamErrors(replies);
		this.texts = texts;
		this.clock = clock;
	}

	/**
	 * The forwarding hint and a card with the sender's meetings that have recordings.
	 * @param senderEmail the sender's e-mail, from the API
	 * @return the reply and the meetings offered
	 */
	public Outcome offer(String senderEmail) {
		Instant to = this.clock.instant();
		List<Recording> recordings;
		try {
			recordings = this.webex.adminRecordingsBetween(to.minus(WINDOW), to);
		}
		catch (WebexException ex) {
			return this.upstreamErrors.outcome(ex, List.of());
		}
		List<Recording> shown = ownByMeeting(recordings, senderEmail);
		String hint = this.texts.get("reply.formHint");
		if (shown.isEmpty()) {
			return Outcome.of(Reply.text(hint + "\n\n" + this.texts.get("reply.forward.noRecent", WINDOW.toDays())),
					Result.NO_RECENT_RECORDINGS, List.of());
		}
		return offered(this.replies.recentRecordings(shown), shown);
	}

	/**
	 * {@code recent [days]}: the sender's own recordings of the last days as a card to
	 * pick from, with the same single list call as {@link #offer}.
	 * @param senderEmail the sender's e-mail, from the API
	 * @param days how many days back, 1 to {@link #WINDOW} (the caller checks)
	 * @return the reply and the meetings offered
	 */
	public Outcome mine(String senderEmail, int days) {
		Instant to = this.clock.instant();
		List<Recording> recordings;
		try {
			recordings = this.webex.adminRecordingsBetween(to.minus(Duration.ofDays(days)), to);
		}
		catch (WebexException ex) {
			return this.upstreamErrors.outcome(ex, List.of());
		}
		List<Recording> shown = ownByMeeting(recordings, senderEmail);
		if (shown.isEmpty()) {
			return Outcome.of(Reply.text(this.texts.get("reply.forward.noRecent", days)), Result.NO_RECENT_RECORDINGS,
					List.of());
		}
		return offered(this.replies.myRecordings(days, shown), shown);
	}

	/** The days {@code recent} may cover: what one list call allows. */
	public static int maxDays() {
		return (int) WINDOW.toDays();
	}

	private static Outcome offered(Reply reply, List<Recording> shown) {
		List<String> offered = shown.stream().map(Recording::meetingId).toList();
		return Outcome.of(reply, Result.RECENT_RECORDINGS_OFFERED, offered);
	}

	/**
	 * The newest available recording of each meeting the sender hosted, newest first, at
	 * most {@link #MAX_SHOWN}.
	 */
	private static List<Recording> ownByMeeting(List<Recording> recordings, String senderEmail) {
		Map<String, Recording> byMeeting = new LinkedHashMap<>();
		recordings.stream()
			.filter((r) -> r.meetingId() != null && (r.status() == null || "available".equals(r.status())))
			.filter((r) -> senderEmail != null && r.hostEmail() != null
					&& r.hostEmail().trim().equalsIgnoreCase(senderEmail.trim()))
			.sorted(Comparator.comparing(RecentRecordings::recordedAt, Comparator.nullsLast(Comparator.reverseOrder())))
			.forEach((r) -> byMeeting.putIfAbsent(r.meetingId(), r));
		return byMeeting.values().stream().limit(MAX_SHOWN).toList();
	}

	private static Instant recordedAt(Recording recording) {
		return (recording.timeRecorded() != null) ? recording.timeRecorded() : recording.createTime();
	}

}
