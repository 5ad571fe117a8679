package io.github.recordingbot.recording;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.recordingbot.access.AccessPolicy.PersonalRoom;
import io.github.recordingbot.webex.WebexClient;
import io.github.recordingbot.webex.WebexException;
import io.github.recordingbot.webex.WebexModels.Meeting;
import io.github.recordingbot.webex.WebexModels.PersonalMeetingRoom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Tells whether a meeting is its host's personal room: its number equals the access code
 * of the host's personal room. The host comes from the API, never from what the user
 * typed. Access codes are cached per host for ten minutes; a failed check is not cached
 * and answers {@link PersonalRoom#UNKNOWN}, which the policy treats as a refusal.
 */
@Component
class PersonalRoomCheck {

	private static final Logger logger = LoggerFactory.getLogger(PersonalRoomCheck.class);

	private final WebexClient webex;

	private final Cache<String, String> accessCodes = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(10))
		.maximumSize(10_000)
		.build();

	PersonalRoomCheck(WebexClient webex) {
		this.webex = webex;
	}

	PersonalRoom check(String token, String hostEmail, Meeting meeting, String requestedNumber) {
		if (hostEmail == null) {
			return PersonalRoom.UNKNOWN;
		}
		if ("personalRoomMeeting".equals(meeting.scheduledType())) {
			return PersonalRoom.PERSONAL_ROOM;
		}
		String number = (meeting.meetingNumber() != null) ? meeting.meetingNumber() : requestedNumber;
		if (number == null) {
			return PersonalRoom.UNKNOWN;
		}
		String key = hostEmail.toLowerCase(java.util.Locale.ROOT);
		String accessCode = this.accessCodes.getIfPresent(key);
		if (accessCode == null) {
			try {
				PersonalMeetingRoom room = this.webex.personalMeetingRoom(token, hostEmail);
				accessCode = (room != null && room.accessCode() != null) ? room.accessCode() : "";
				this.accessCodes.put(key, accessCode);
			}
			catch (WebexException ex) {
				logger.info("Personal room check failed with status {}; refusing", ex.status());
				return PersonalRoom.UNKNOWN;
			}
		}
		return number.replace(" ", "").equals(accessCode.replace(" ", "")) ? PersonalRoom.PERSONAL_ROOM
				: PersonalRoom.NOT_PERSONAL_ROOM;
	}

}
