package io.github.recordingbot.conversation;

import io.github.recordingbot.access.AccessConfig;
import io.github.recordingbot.recording.RecentRecordings;
import io.github.recordingbot.recording.RecordingLookup;
import io.github.recordingbot.recording.RecordingRequest;

import org.springframework.stereotype.Component;

/**
 * Answers forwarded Space meeting recordings, for a sender already checked against the
 * allow-list and in a 1-1 room. Over the websocket the share names its meeting instance,
 * which gets the same lookup and policy as {@code rec}. Over the webhook it arrives as a
 * message that names no meeting, so the sender is offered their recent recordings to pick
 * from, and a pick runs the same lookup and policy.
 */
@Component
class ForwardedRecordings {

	private final RecordingLookup recordings;

	private final RecentRecordings recent;

	ForwardedRecordings(RecordingLookup recordings, RecentRecordings recent) {
		this.recordings = recordings;
		this.recent = recent;
	}

	/**
	 * Whether the event is a forwarded recording: a websocket share, or a message with
	 * neither text nor files. The REST shape of a forwarded recording is undocumented and
	 * no captured example exists; a person cannot send an empty message from a Webex
	 * client, so "no text and no files" is the narrowest rule that still catches it.
	 * Anything with text keeps its ordinary answer, and a file share keeps the help card.
	 */
	static boolean isForward(Inbound inbound) {
		return switch (inbound.event().kind()) {
			case SHARE -> true;
			case MESSAGE -> (inbound.text() == null || inbound.text().isBlank()) && !inbound.hasFiles();
			case CARD_ACTION -> false;
		};
	}

	Handled answer(Inbound inbound, AccessConfig config) {
		String instanceId = inbound.event().meetingInstanceId();
		if (inbound.event().kind() == ChatEvent.Kind.SHARE && instanceId != null) {
			RecordingRequest request = request(inbound, config);
			return new Handled("share", request, Answer.of(this.recordings.findForMeetingId(request, instanceId)));
		}
		return new Handled("forward", null, Answer.of(this.recent.offer(inbound.personEmail())));
	}

	Handled pick(Inbound inbound, Command.Pick pick, AccessConfig config) {
		RecordingRequest request = request(inbound, config);
		return new Handled(pick.name(), request,
				Answer.of(this.recordings.findForMeetingId(request, pick.meetingId())));
	}

	/**
	 * {@code recent [days]}: the sender's own recordings to pick from, the same offer as
	 * for a webhook forward with the sender's window. The request only carries the audit
	 * facts: no meeting is looked up.
	 */
	Handled recent(Inbound inbound, Command.Recent recent, int days) {
		RecordingRequest request = new RecordingRequest(inbound.personId(), inbound.personEmail(), null,
				inbound.personEmail(), days);
		return new Handled(recent.name(), request, Answer.of(this.recent.mine(inbound.personEmail(), days)));
	}

	/**
	 * A request for a meeting known by id: no number, the whole allowed window, and the
	 * sender as the host to list with when the meeting does not name its host.
	 */
	private static RecordingRequest request(Inbound inbound, AccessConfig config) {
		return new RecordingRequest(inbound.personId(), inbound.personEmail(), null, inbound.personEmail(),
				config.maxDaysBack());
	}

	/**
	 * What to audit and reply.
	 *
	 * @param command the audit's command word
	 * @param request the request, or {@code null} when there was none to look up
	 * @param answer the reply and why
	 */
	record Handled(String command, RecordingRequest request, Answer answer) {
	}

}
