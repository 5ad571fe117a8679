package io.github.recordingbot.recording;

import java.time.Duration;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.recordingbot.access.AccessPolicy.PersonalRoom;
import io.github.recordingbot.webex.WebexException;
import io.github.recordingbot.webex.WebexModels.Meeting;
import io.github.recordingbot.webex.WebexModels.PersonalMeetingRoom;
import io.github.recordingbot.webex.WebexOfficerClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Tells whether a meeting is its host's personal room, from what Webex documents.
 *
 * <p>
 * A scheduled meeting says so itself: {@code scheduledType} is
 * {@code personalRoomMeeting} for a personal room and {@code meeting} or {@code webinar}
 * otherwise. A series or an ended instance never says so; for those the meeting number is
 * compared with the access code of the host's personal room, which only an authorization
 * with {@code meeting:admin_preferences_read} may read for another person (any other
 * token gets its own room, so the bot does not ask). An answer without an access code, a
 * failed call or a missing scope is {@link PersonalRoom#UNKNOWN} or
 * {@link PersonalRoom#NOT_CHECKABLE}, never "not a personal room": the policy refuses
 * both. Access codes are cached per host for ten minutes; failures are not cached.
 *
 * @see <a href=
 * "https://developer.webex.com/docs/api/v1/meetings/list-meetings-by-an-admin">List
 * Meetings By an Admin</a>
 * @see <a href=
 * "https://developer.webex.com/docs/api/v1/meeting-preferences/get-personal-meeting-room-options">Get
 * Personal Meeting Room Options</a>
 */
@Component
class PersonalRoomCheck {

	static final String PREFERENCES_SCOPE = "meeting:admin_preferences_read";

	private static final Logger logger = LoggerFactory.getLogger(PersonalRoomCheck.class);

	private final WebexOfficerClient webex;

	private final Cache<String, String> accessCodes = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(10))
		.maximumSize(10_000)
		.build();

	PersonalRoomCheck(WebexOfficerClient webex) {
		this.webex = webex;
	}

	/**
	 * Whether the meeting answers the question itself, without a call.
	 * @param meeting the meeting from {@code /admin/meetings}
	 * @return the answer, or {@code null} when only the access code can tell
	 */
	static @Nullable PersonalRoom fromMeeting(Meeting meeting) {
		if ("personalRoomMeeting".equals(meeting.scheduledType())) {
			return PersonalRoom.PERSONAL_ROOM;
		}
		if ("scheduledMeeting".equals(meeting.meetingType()) && meeting.scheduledType() != null) {
			return PersonalRoom.NOT_PERSONAL_ROOM;
		}
		return null;
	}

	/** Whether {@link #check} may need a Webex call for this meeting. */
	boolean needsCall(Meeting meeting) {
		return fromMeeting(meeting) == null && canReadOtherRooms();
	}

	PersonalRoom check(String hostEmail, Meeting meeting, String requestedNumber) {
		PersonalRoom known = fromMeeting(meeting);
		if (known != null) {
			return known;
		}
		if (!canReadOtherRooms()) {
			return PersonalRoom.NOT_CHECKABLE;
		}
		String number = (meeting.meetingNumber() != null) ? meeting.meetingNumber() : requestedNumber;
		if (hostEmail == null || number == null) {
			return PersonalRoom.UNKNOWN;
		}
		String key = hostEmail.toLowerCase(Locale.ROOT);
		String accessCode = this.accessCodes.getIfPresent(key);
		if (accessCode == null) {
			try {
				PersonalMeetingRoom room = this.webex.personalMeetingRoom(hostEmail);
				if (room == null || room.accessCode() == null || room.accessCode().isBlank()) {
					logger.info("Personal room answer without an access code; refusing");
					return PersonalRoom.UNKNOWN;
				}
				accessCode = room.accessCode();
				this.accessCodes.put(key, accessCode);
			}
			catch (WebexException ex) {
				logger.info("Personal room check failed with status {}; refusing", ex.status());
				return PersonalRoom.UNKNOWN;
			}
		}
		return digits(number).equals(digits(accessCode)) ? PersonalRoom.PERSONAL_ROOM : PersonalRoom.NOT_PERSONAL_ROOM;
	}

	private boolean canReadOtherRooms() {
		return this.webex.grantedScopes().contains(PREFERENCES_SCOPE);
	}

	private static String digits(String number) {
		return number.replace(" ", "").replace("-", "");
	}

}
