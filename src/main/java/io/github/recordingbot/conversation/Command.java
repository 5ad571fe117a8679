package io.github.recordingbot.conversation;

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
	 * @param meetingNumber ASCII digits only
	 * @param hostEmail the host's e-mail, or {@code null} for the sender
	 * @param daysBack how many days back, or {@code null} for the default
	 */
	record Rec(String meetingNumber, String hostEmail, Integer daysBack) implements Command {

		@Override
		public String name() {
			return "rec";
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
	record Invalid(String reason) implements Command {

		@Override
		public String name() {
			return "invalid";
		}

	}

}
