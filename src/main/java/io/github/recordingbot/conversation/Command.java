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
