package io.github.recordingbot.audit;

import java.time.Instant;
import java.util.List;

/**
 * What was asked and what was decided, for one request. Never holds a download link, a
 * token or message text beyond the parsed command.
 *
 * @param ts when the request was decided (UTC)
 * @param requestId our id of this request
 * @param eventId Webex's id of the event ({@code data.id})
 * @param requester who asked
 * @param roomType {@code direct} or {@code group}
 * @param command the parsed command ({@code rec}, {@code help}, {@code card},
 * {@code share}, {@code invalid}; {@code summary} for a line that only accounts for
 * suppressed refusals)
 * @param meetingNumber meeting number asked for, if any
 * @param hostEmail host e-mail asked for, if any
 * @param daysBack days back asked for, if any
 * @param meetingLink the meeting link asked with, if any, with only its site and kind
 * (the meeting id or room name in a link lets anyone join)
 * @param meetingDay the one day asked for, if any ({@code 2026-11-18}, or {@code today-1}
 * for "yesterday" in the requester's time zone)
 * @param decision the outcome
 * @param reason a short machine-readable reason code
 * @param meetingIds meeting ids the answer was about
 * @param recordingIds recording ids whose links were sent
 * @param durationMs time from the event to the decision
 * @param suppressed refusals to this requester that were neither answered nor audited on
 * their own since the requester's previous audited refusal, and are accounted for by this
 * line; 0 on every other line
 */
public record AuditRecord(Instant ts, String requestId, String eventId, Requester requester, String roomType,
		String command, String meetingNumber, String hostEmail, Integer daysBack, String meetingLink, String meetingDay,
		Decision decision, String reason, List<String> meetingIds, List<String> recordingIds, long durationMs,
		long suppressed) {

	public AuditRecord {
		meetingIds = (meetingIds != null) ? List.copyOf(meetingIds) : List.of();
		recordingIds = (recordingIds != null) ? List.copyOf(recordingIds) : List.of();
	}

	/** A record without a meeting link or day. */
	public AuditRecord(Instant ts, String requestId, String eventId, Requester requester, String roomType,
			String command, String meetingNumber, String hostEmail, Integer daysBack, Decision decision, String reason,
			List<String> meetingIds, List<String> recordingIds, long durationMs, long suppressed) {
		this(ts, requestId, eventId, requester, roomType, command, meetingNumber, hostEmail, daysBack, null, null,
				decision, reason, meetingIds, recordingIds, durationMs, suppressed);
	}

	/**
	 * The person who sent the request.
	 *
	 * @param email the sender's e-mail as Webex reported it
	 * @param personId the sender's Webex person id
	 */
	public record Requester(String email, String personId) {
	}

	/** The outcome of a request; written in lower case. */
	public enum Decision {

		PERMITTED, DENIED, NODATA, INVALID, RATE_LIMITED, UPSTREAM_ERROR, UNAUTHORIZED;

		/** The value written to the audit line. */
		public String value() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
