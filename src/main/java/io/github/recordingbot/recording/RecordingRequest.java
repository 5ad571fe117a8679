package io.github.recordingbot.recording;

/**
 * A request for the recordings of one meeting, with the facts about who asks.
 *
 * @param requesterPersonId the sender's Webex person id (from the API, never typed)
 * @param requesterEmail the sender's e-mail (from the API)
 * @param meetingNumber the meeting number, ASCII digits, or {@code null} when the meeting
 * is asked for by link or known by id
 * @param hostEmail the host e-mail to look the meeting up with
 * @param daysBack how many days back, already checked against the configured maximum
 * @param link the meeting's link, already checked, or {@code null}
 * @param day the one day asked for, or {@code null} for every day in the window
 */
public record RecordingRequest(String requesterPersonId, String requesterEmail, String meetingNumber, String hostEmail,
		int daysBack, MeetingLink link, MeetingDay day) {

	/** A request by meeting number (or for a meeting known by id), for every day. */
	public RecordingRequest(String requesterPersonId, String requesterEmail, String meetingNumber, String hostEmail,
			int daysBack) {
		this(requesterPersonId, requesterEmail, meetingNumber, hostEmail, daysBack, null, null);
	}

}
