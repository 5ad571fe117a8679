package io.github.recordingbot.officer;

/**
 * What the bot needs the officer authorization for, what users notice without it, and how
 * the operator gets it.
 *
 * @see <a href="https://developer.webex.com/docs/meetings#meetings-api-scopes">Meetings
 * API Scopes</a>
 */
public enum Capability {

	/** {@code GET /admin/recordings} and {@code GET /recordings/{id}}. */
	LIST_RECORDINGS("List recordings and fetch download links", "GET /admin/recordings, GET /recordings/{id}",
			"Every rec request fails: users get \"The bot is not allowed to read meetings yet; the operator has "
					+ "been told.\" and the audit says officer_forbidden.",
			"Authorize with a Compliance Officer account (scope spark-compliance:meetings_read), or with a full "
					+ "administrator who is also site administrator and the scope meeting:admin_recordings_read: add "
					+ "it to the integration and to officer.scopes (OFFICER_SCOPES), then authorize again."),

	/** {@code GET /admin/meetings} and {@code GET /admin/meetings/{id}}. */
	READ_MEETINGS("Find meetings by number", "GET /admin/meetings, GET /admin/meetings/{id}",
			"The bot cannot find the meeting a user names: every rec request fails with \"The bot is not allowed "
					+ "to read meetings yet\".",
			"Authorize with a Compliance Officer account (scope spark-compliance:meetings_read), or with a full "
					+ "administrator who is also site administrator (scope meeting:admin_schedule_read)."),

	/** {@code GET /meetingPreferences/personalMeetingRoom?userEmail=…}. */
	CHECK_PERSONAL_ROOMS("Check personal rooms", "GET /meetingPreferences/personalMeetingRoom",
			"The bot cannot tell whether a meeting series or an ended meeting is someone's personal room. With "
					+ "protect_pmr on, such requests are refused unless they come from the meeting's host; "
					+ "scheduled meetings say so themselves and are not affected.",
			"Only meeting:admin_preferences_read opens it, granted by a full administrator who is also site "
					+ "administrator; the Compliance Officer role has no scope for it. Leave it, or authorize with "
					+ "such an administrator.");

	private final String label;

	private final String calls;

	private final String withoutIt;

	private final String fix;

	Capability(String label, String calls, String withoutIt, String fix) {
		this.label = label;
		this.calls = calls;
		this.withoutIt = withoutIt;
		this.fix = fix;
	}

	/** The capability in a few words. */
	public String label() {
		return this.label;
	}

	/** The Webex calls it stands for. */
	public String calls() {
		return this.calls;
	}

	/** What users notice when the bot lacks it. */
	public String withoutIt() {
		return this.withoutIt;
	}

	/** Which role and scope give it. */
	public String fix() {
		return this.fix;
	}

}
