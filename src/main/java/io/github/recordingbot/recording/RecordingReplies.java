package io.github.recordingbot.recording;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.github.recordingbot.access.AccessPolicy.Verdict;
import io.github.recordingbot.access.BotTexts;
import io.github.recordingbot.card.AdaptiveCard;
import io.github.recordingbot.card.AdaptiveCard.Action;
import io.github.recordingbot.card.AdaptiveCard.ActionSet;
import io.github.recordingbot.card.AdaptiveCard.Container;
import io.github.recordingbot.card.AdaptiveCard.Element;
import io.github.recordingbot.card.AdaptiveCard.OpenUrl;
import io.github.recordingbot.card.AdaptiveCard.TextBlock;
import io.github.recordingbot.card.Markdown;
import io.github.recordingbot.card.Reply;
import io.github.recordingbot.webex.WebexModels.Meeting;
import io.github.recordingbot.webex.WebexModels.Recording;
import io.github.recordingbot.webex.WebexModels.TemporaryLinks;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns lookup results into replies: the recordings card with its markdown twin, and
 * every refusal and "nothing found" answer.
 */
@Component
class RecordingReplies {

	/**
	 * Rows shown on the card; Webex does not publish a card size limit, so the card stays
	 * small.
	 */
	static final int MAX_CARD_ROWS = 20;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final BotTexts texts;

	private final String publicBaseUrl;

	RecordingReplies(BotTexts texts, @Value("${bot.public-base-url:}") String publicBaseUrl) {
		this.texts = texts;
		this.publicBaseUrl = publicBaseUrl.isBlank() ? "<PUBLIC_BASE_URL>" : publicBaseUrl;
	}

	Reply recordings(Meeting meeting, List<Recording> recordings) {
		String title = (meeting.title() != null) ? meeting.title() : this.texts.get("reply.recordings.untitled");
		List<Element> body = new ArrayList<>();
		body.add(TextBlock.heading(title));
		StringBuilder markdown = new StringBuilder("**").append(Markdown.escape(title)).append("**\n");
		int shownInMarkdown = 0;
		int shownOnCard = 0;
		boolean markdownFull = false;
		String expiry = expiry(recordings);
		for (Recording recording : recordings) {
			String topic = (recording.topic() != null) ? recording.topic() : title;
			String when = when(recording);
			List<Action> buttons = buttons(recording, topic);
			if (shownOnCard < MAX_CARD_ROWS) {
				List<Element> items = new ArrayList<>();
				items.add(TextBlock.bold(topic));
				items.add(TextBlock.subtle(when));
				items.add(buttons.isEmpty() ? TextBlock.subtle(this.texts.get("reply.recordings.noLinks"))
						: new ActionSet(buttons));
				body.add(new Container(items, "true"));
				shownOnCard++;
			}
			if (markdownFull) {
				continue;
			}
			String line = markdownLine(topic, when, buttons);
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

	private List<Action> buttons(Recording recording, String topic) {
		TemporaryLinks links = recording.temporaryDirectDownloadLinks();
		List<Action> buttons = new ArrayList<>();
		if (links == null) {
			return buttons;
		}
		add(buttons, this.texts.get("reply.recordings.video"),
				DownloadLinks.withFileName(links.recordingDownloadLink(), topic, ".mp4"));
		add(buttons, this.texts.get("reply.recordings.audio"),
				DownloadLinks.withFileName(links.audioDownloadLink(), topic, ".mp3"));
		add(buttons, this.texts.get("reply.recordings.transcript"),
				DownloadLinks.withFileName(links.transcriptDownloadLink(), topic, ".txt"));
		return buttons;
	}

	private static void add(List<Action> buttons, String title, String url) {
		if (url != null) {
			buttons.add(new OpenUrl(title, url));
		}
	}

	private String markdownLine(String topic, String when, List<Action> buttons) {
		StringBuilder line = new StringBuilder("- ").append(Markdown.escape(topic)).append(", ").append(when);
		if (buttons.isEmpty()) {
			line.append(": ").append(this.texts.get("reply.recordings.noLinks"));
		}
		for (Action button : buttons) {
			OpenUrl link = (OpenUrl) button;
			line.append(" [").append(link.title()).append("](").append(link.url()).append(')');
		}
		return line.append('\n').toString();
	}

	private String leftOutNote(int leftOut) {
		return (leftOut > 0) ? "\n" + this.texts.get("reply.recordings.leftOut", leftOut) + "\n" : "";
	}

	private String when(Recording recording) {
		Instant at = (recording.timeRecorded() != null) ? recording.timeRecorded() : recording.createTime();
		String start = (at != null) ? TIME.format(at) : "?";
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
			.map((at) -> this.texts.get("reply.recordings.expiry", TIME.format(at)))
			.orElse("");
	}

	Reply noMeeting(RecordingRequest request) {
		return Reply.text(this.texts.get("reply.noMeeting", request.meetingNumber(),
				Markdown.escape(request.hostEmail()), request.daysBack()));
	}

	Reply noMeetingForId() {
		return Reply.text(this.texts.get("reply.noMeetingForId"));
	}

	Reply noRecordings(RecordingRequest request, Meeting meeting) {
		String title = (meeting.title() != null) ? meeting.title() : (request.meetingNumber() != null)
				? request.meetingNumber() : this.texts.get("reply.recordings.untitled");
		return Reply.text(this.texts.get("reply.noRecordings", Markdown.escape(title), request.daysBack()));
	}

	Reply notAuthorized() {
		return Reply.text(this.texts.get("reply.notAuthorized", this.publicBaseUrl + "/webex/authorize"));
	}

	Reply refusal(Verdict verdict) {
		return Reply.text(this.texts.get(verdict.messageKey()));
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
