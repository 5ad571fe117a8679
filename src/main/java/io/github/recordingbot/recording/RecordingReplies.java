package io.github.recordingbot.recording;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

import io.github.recordingbot.BotProperties;
import io.github.recordingbot.access.AccessPolicy.Refusal;
import io.github.recordingbot.texts.BotTexts;
import io.github.recordingbot.card.AdaptiveCard;
import io.github.recordingbot.card.AdaptiveCard.Choice;
import io.github.recordingbot.card.AdaptiveCard.ChoiceSet;
import io.github.recordingbot.card.AdaptiveCard.Container;
import io.github.recordingbot.card.AdaptiveCard.Element;
import io.github.recordingbot.card.AdaptiveCard.Submit;
import io.github.recordingbot.card.AdaptiveCard.TextBlock;
import io.github.recordingbot.card.Markdown;
import io.github.recordingbot.card.Reply;
import io.github.recordingbot.recording.RequesterZones.RequesterZone;
import io.github.recordingbot.webex.WebexModels.Meeting;
import io.github.recordingbot.webex.WebexModels.Recording;
import io.github.recordingbot.webex.WebexModels.TemporaryLinks;

import org.springframework.stereotype.Component;

/**
 * Turns lookup results into replies: the recordings card with its markdown twin, the
 * offer of recent recordings, and every refusal and "nothing found" answer.
 */
@Component
class RecordingReplies {

	/**
	 * Rows shown on the card; Webex does not publish a card size limit, so the card stays
	 * small.
	 */
	static final int MAX_CARD_ROWS = 20;

	private final BotTexts texts;

	private final BotProperties bot;

	RecordingReplies(BotTexts texts, BotProperties bot) {
		this.texts = texts;
		this.bot = bot;
	}

	/**
	 * The recordings card and its markdown twin. The download links are markdown links in
	 * a text block, not buttons: Webex allows five actions per card and refuses a card
	 * with more, whatever the number of recordings.
	 */
	Reply recordings(Meeting meeting, List<Recording> recordings) {
		String title = (meeting.title() != null) ? meeting.title() : this.texts.get("reply.recordings.untitled");
		List<Element> body = new ArrayList<>();
		body.add(TextBlock.heading(Markdown.escape(title)));
		StringBuilder markdown = new StringBuilder("**").append(Markdown.escape(title)).append("**\n");
		int shownInMarkdown = 0;
		int shownOnCard = 0;
		boolean markdownFull = false;
		String expiry = expiry(recordings);
		for (Recording recording : recordings) {
			String topic = (recording.topic() != null) ? recording.topic() : title;
			String when = when(recording);
			String links = links(recording, topic);
			if (shownOnCard < MAX_CARD_ROWS) {
				body.add(new Container(
						List.of(TextBlock.bold(Markdown.escape(topic)), TextBlock.subtle(when), links.isEmpty()
								? TextBlock.subtle(this.texts.get("reply.recordings.noLinks")) : TextBlock.of(links)),
						true));
				shownOnCard++;
			}
			if (markdownFull) {
				continue;
			}
			String line = markdownLine(topic, when, links);
			String note = leftOutNote(recordings.size() - shownInMarkdown - 1);
			if (Markdown.bytes(markdown + line + note + expiry) > Reply.MAX_MARKDOWN_BYTES - 64) {
				markdownFull = true;
				continue;
			}
			markdown.append(line);
			shownInMarkdown++;
		}
		int leftOut = recordings.size() - shownInMarkdown;
		if (leftOut > 0) {
			markdown.append(leftOutNote(leftOut));
		}
		if (recordings.size() > shownOnCard) {
			body.add(TextBlock.subtle(this.texts.get("reply.recordings.leftOut", recordings.size() - shownOnCard)));
		}
		if (!expiry.isEmpty()) {
			body.add(TextBlock.subtle(expiry));
			markdown.append('\n').append(expiry);
		}
		return new Reply(markdown.toString(), new AdaptiveCard(body, null));
	}

	/**
	 * The recordings card for one day, saying which day and in which time zone it was
	 * taken.
	 */
	Reply recordingsOn(Meeting meeting, List<Recording> recordings, LocalDate day, RequesterZone zone) {
		Reply all = recordings(meeting, recordings);
		String note = dayNote(day, zone);
		List<Element> body = new ArrayList<>(all.card().body());
		body.add(1, TextBlock.subtle(note));
		String markdown = all.markdown();
		int firstLine = markdown.indexOf('\n');
		markdown = markdown.substring(0, firstLine + 1) + note + "\n" + markdown.substring(firstLine + 1);
		return new Reply(markdown, new AdaptiveCard(body, all.card().actions()));
	}

	Reply noRecordingsOn(RecordingRequest request, Meeting meeting, LocalDate day, RequesterZone zone) {
		return Reply
			.text(this.texts.get("reply.noRecordingsOn", Markdown.escape(title(request, meeting)), dayNote(day, zone)));
	}

	private String dayNote(LocalDate day, RequesterZone zone) {
		return zone.fromProfile() ? this.texts.get("reply.day.profileZone", day.toString(), zone.zone().getId())
				: this.texts.get("reply.day.utc", day.toString());
	}

	/**
	 * The offer of the sender's recent recordings: one drop-down of meetings and one
	 * button, so the card stays within Webex's five actions however many are offered. The
	 * drop-down submits the chosen meeting's id as {@link RecentRecordings#MEETING_ID}.
	 * @param recordings one recording per meeting, newest first, at least one
	 */
	Reply recentRecordings(List<Recording> recordings) {
		return recentRecordings(this.texts.get("reply.formHint"), recordings);
	}

	/**
	 * The same offer for {@code recent}: the sender asked for their recordings, so the
	 * card says which days it covers instead of the forwarding hint.
	 */
	Reply myRecordings(int days, List<Recording> recordings) {
		return recentRecordings(this.texts.get("reply.recent.intro", days), recordings);
	}

	private Reply recentRecordings(String hint, List<Recording> recordings) {
		StringBuilder markdown = new StringBuilder(hint).append('\n');
		List<Choice> choices = new ArrayList<>();
		for (Recording recording : recordings) {
			String topic = (recording.topic() != null) ? recording.topic()
					: this.texts.get("reply.recordings.untitled");
			Instant at = (recording.timeRecorded() != null) ? recording.timeRecorded() : recording.createTime();
			String when = (at != null) ? BotTexts.utc(at) : "?";
			// A compact choice set is a drop-down: its titles are plain text, not
			// markdown.
			choices.add(new Choice(topic + ", " + when, recording.meetingId()));
			markdown.append("\n- ").append(Markdown.escape(topic)).append(", ").append(when);
		}
		AdaptiveCard card = new AdaptiveCard(
				List.of(TextBlock.of(hint),
						ChoiceSet.compact(RecentRecordings.MEETING_ID, this.texts.get("reply.forward.choose"), choices,
								this.texts.get("reply.forward.chooseError"))),
				List.of(new Submit(this.texts.get("reply.forward.pick"), null)));
		return new Reply(markdown.toString(), card);
	}

	/** The recording's download links as markdown links, or an empty string. */
	private String links(Recording recording, String topic) {
		TemporaryLinks links = recording.temporaryDirectDownloadLinks();
		if (links == null) {
			return "";
		}
		StringJoiner joined = new StringJoiner(" ");
		add(joined, this.texts.get("reply.recordings.video"),
				DownloadLinks.withFileName(links.recordingDownloadLink(), topic, ".mp4"));
		add(joined, this.texts.get("reply.recordings.audio"),
				DownloadLinks.withFileName(links.audioDownloadLink(), topic, ".mp3"));
		add(joined, this.texts.get("reply.recordings.transcript"),
				DownloadLinks.withFileName(links.transcriptDownloadLink(), topic, ".txt"));
		return joined.toString();
	}

	private static void add(StringJoiner links, String label, String url) {
		if (url != null) {
			links.add(Markdown.link(label, url));
		}
	}

	private String markdownLine(String topic, String when, String links) {
		StringBuilder line = new StringBuilder("- ").append(Markdown.escape(topic)).append(", ").append(when);
		if (links.isEmpty()) {
			line.append(": ").append(this.texts.get("reply.recordings.noLinks"));
		}
		else {
			line.append(' ').append(links);
		}
		return line.append('\n').toString();
	}

	private String leftOutNote(int leftOut) {
		return (leftOut > 0) ? "\n" + this.texts.get("reply.recordings.leftOut", leftOut) + "\n" : "";
	}

	private String when(Recording recording) {
		Instant at = (recording.timeRecorded() != null) ? recording.timeRecorded() : recording.createTime();
		String start = (at != null) ? BotTexts.utc(at) : "?";
		if (recording.durationSeconds() == null) {
			return start;
		}
		Duration duration = Duration.ofSeconds(recording.durationSeconds());
		if (duration.toHours() == 0) {
			return this.texts.get("reply.recordings.whenMinutes", start, Math.max(1, duration.toMinutesPart()));
		}
		return this.texts.get("reply.recordings.when", start, duration.toHours(),
				String.format("%02d", duration.toMinutesPart()));
	}

	private String expiry(List<Recording> recordings) {
		return recordings.stream()
			.map(Recording::temporaryDirectDownloadLinks)
			.filter(Objects::nonNull)
			.map(TemporaryLinks::expiration)
			.filter(Objects::nonNull)
			.min(Comparator.naturalOrder())
			.map((at) -> this.texts.get("reply.recordings.expiry", BotTexts.utc(at)))
			.orElse("");
	}

	Reply noMeeting(RecordingRequest request) {
		if (request.link() != null) {
			// Webex may not know a personal room's link at all (docs/webex-unknowns.md):
			// the room's meeting number is the way that works.
			return Reply.text(this.texts.get(
					request.link().personalRoom() ? "reply.noMeetingForRoomLink" : "reply.noMeetingForLink",
					Markdown.escape(request.hostEmail())));
		}
		return Reply.text(this.texts.get("reply.noMeeting", request.meetingNumber(),
				Markdown.escape(request.hostEmail()), request.daysBack()));
	}

	Reply noMeetingForId() {
		return Reply.text(this.texts.get("reply.noMeetingForId"));
	}

	Reply noRecordings(RecordingRequest request, Meeting meeting) {
		return Reply
			.text(this.texts.get("reply.noRecordings", Markdown.escape(title(request, meeting)), request.daysBack()));
	}

	private String title(RecordingRequest request, Meeting meeting) {
		return (meeting.title() != null) ? meeting.title() : (request.meetingNumber() != null) ? request.meetingNumber()
				: this.texts.get("reply.recordings.untitled");
	}

	Reply notAuthorized() {
		return Reply.text(this.texts.get("reply.notAuthorized", this.bot.publicUrl("/webex/authorize")));
	}

	/** The refusal of a meeting's recordings. */
	Reply refusal(Refusal refusal) {
		return switch (refusal) {
			case HOST_ONLY -> Reply.text(this.texts.get("refusal.hostOnly"));
			case PMR_OWNER_ONLY -> Reply.text(this.texts.get("refusal.personalRoom"));
			case PMR_CHECK_FAILED -> Reply.text(this.texts.get("refusal.personalRoomUnverified"));
			case PMR_NOT_CHECKABLE -> Reply.text(this.texts.get("refusal.personalRoomNotCheckable"));
			case NOT_APPROVED, GROUP_ROOM -> throw new IllegalArgumentException("Not a meeting refusal: " + refusal);
		};
	}

	Reply notAllowed() {
		return Reply.text(this.texts.get("reply.notAllowed"));
	}

	Reply busy() {
		return Reply.text(this.texts.get("reply.webexBusy"));
	}

	Reply webexDown() {
		return Reply.text(this.texts.get("reply.webexDown"));
	}

}
