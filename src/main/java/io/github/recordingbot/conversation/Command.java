package io.github.recordingbot.conversation;

import io.github.recordingbot.recording.MeetingDay;
import io.github.recordingbot.recording.MeetingLink;

/**
 * What a chat message or card submit asks for, after parsing.
 */
sealed interface Command {

	/** The word written to the audit log. */
	String name();

	/** Show the help card. */
	record Help() implements Command {

		@Override
		public String name() {
			return "help";
		}

	}

	/**
	 * Get the links of a meeting's recordings.
	 *
	 * @param meetingNumber ASCII digits only, or {@code null} when asked by link
	 * @param link the meeting's checked link, or {@code null} when asked by number
	 * @param hostEmail the host's e-mail, or {@code null} for the sender
	 * @param daysBack how many days back, or {@code null} for the default
	 * @param day the one day asked for, or {@code null} for every day
	 */
	record Rec(String meetingNumber, MeetingLink link, String hostEmail, Integer daysBack,
			MeetingDay day) implements Command {

		/** By meeting number, every day in the window. */
		Rec(String meetingNumber, String hostEmail, Integer daysBack) {
			this(meetingNumber, null, hostEmail, daysBack, null);
		}

		@Override
		public String name() {
			return "rec";
		}

	}

	/**
	 * List the sender's own recordings to pick from.
	 *
	 * @param days how many days back, or {@code null} for the default
	 */
	record Recent(Integer days) implements Command {

		@Override
		public String name() {
			return "recent";
		}

	}

	/**
	 * Get the links of one meeting picked from the card of the sender's recent
	 * recordings.
	 *
	 * @param meetingId the meeting (instance) id the card's button carried; only a
	 * pointer, the policy decides on what Webex says about that meeting
	 */
	record Pick(String meetingId) implements Command {

		@Override
		public String name() {
			return "pick";
		}

	}

	/**
	 * Something the bot cannot run.
	 *
	 * @param reason machine-readable reason for the audit log
	 */
	record Invalid(Reason reason) implements Command {

		@Override
		public String name() {
			return "invalid";
		}

	}

}
