package io.github.recordingbot.recording;

/**
 * A request for the recordings of one meeting, with the facts about who asks.
 *
 * @param requesterPersonId the sender's Webex person id (from the API, never typed)
 * @param requesterEmail the sender's e-mail (from the API)
 * @param meetingNumber the meeting number, ASCII digits
 * @param hostEmail the host e-mail to look the meeting up with
 * @param daysBack how many days back, already checked against the configured maximum
 */
public record RecordingRequest(String requesterPersonId, String requesterEmail, String meetingNumber, String hostEmail,
		int daysBack) {
}
