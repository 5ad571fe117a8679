package io.github.recordingbot.officer;

import java.util.Map;
import java.util.Set;

/**
 * The Webex scopes the officer token may carry, which calls each one opens, and whether a
 * set of them is enough for the bot's main job.
 *
 * @see <a href="https://developer.webex.com/docs/meetings#meetings-api-scopes">Meetings
 * API Scopes</a>
 */
public final class OfficerScopes {

	/** Compliance Officer role: meetings, their recordings and links, not preferences. */
	static final String COMPLIANCE_MEETINGS = "spark-compliance:meetings_read";

	/** Full administrator who is also site administrator: {@code /admin/meetings}. */
	static final String ADMIN_SCHEDULE = "meeting:admin_schedule_read";

	/**
	 * Full administrator who is also site administrator: {@code /admin/recordings} and
	 * {@code /recordings/{id}}.
	 */
	static final String ADMIN_RECORDINGS = "meeting:admin_recordings_read";

	/**
	 * Full administrator who is also site administrator: anyone's personal room. No
	 * Compliance Officer scope opens it.
	 */
	static final String ADMIN_PREFERENCES = "meeting:admin_preferences_read";

	static final String PEOPLE = "spark:people_read";

	private static final Map<String, String> WHAT_IT_ALLOWS = Map.of(COMPLIANCE_MEETINGS,
			"find meetings, list their recordings and fetch download links (Compliance Officer role)", ADMIN_SCHEDULE,
			"find meetings (full administrator who is also site administrator)", ADMIN_RECORDINGS,
			"list recordings and fetch download links (full administrator who is also site administrator)",
			ADMIN_PREFERENCES,
			"check whose personal room a meeting is (full administrator who is also site administrator)", PEOPLE,
			"read who authorized");

	private OfficerScopes() {
	}

	/**
	 * Whether the scopes let the bot find meetings and their recordings: the Compliance
	 * Officer scope, or both admin scopes.
	 */
	static boolean canDoMainJob(Set<String> granted) {
		return granted.contains(COMPLIANCE_MEETINGS)
				|| (granted.contains(ADMIN_SCHEDULE) && granted.contains(ADMIN_RECORDINGS));
	}

	static boolean canReadMeetings(Set<String> granted) {
		return granted.contains(COMPLIANCE_MEETINGS) || granted.contains(ADMIN_SCHEDULE);
	}

	static boolean canListRecordings(Set<String> granted) {
		return granted.contains(COMPLIANCE_MEETINGS) || granted.contains(ADMIN_RECORDINGS);
	}

	static boolean canCheckPersonalRooms(Set<String> granted) {
		return granted.contains(ADMIN_PREFERENCES);
	}

	/** What the bot does with a scope, in a few words; unknown scopes say so. */
	public static String whatItAllows(String scope) {
		return WHAT_IT_ALLOWS.getOrDefault(scope, "not used by the bot");
	}

}
