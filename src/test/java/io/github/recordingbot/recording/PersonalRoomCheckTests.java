package io.github.recordingbot.recording;

import java.util.Set;

import io.github.recordingbot.access.AccessPolicy.PersonalRoom;
import io.github.recordingbot.webex.WebexException;
import io.github.recordingbot.webex.WebexModels.Meeting;
import io.github.recordingbot.webex.WebexModels.PersonalMeetingRoom;
import io.github.recordingbot.webex.WebexModels.Telephony;
import io.github.recordingbot.webex.WebexOfficerClient;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * The personal-room answer follows what Webex documents: a scheduled meeting says it
 * itself, a series or an ended instance only through the host's access code, which only
 * an admin's authorization may read; whatever cannot be known is never "not a personal
 * room".
 */
class PersonalRoomCheckTests {

	static final String HOST = "host@example.com";

	static final Set<String> ADMIN = Set.of("meeting:admin_preferences_read", "meeting:admin_schedule_read");

	static final Set<String> COMPLIANCE_OFFICER = Set.of("spark-compliance:meetings_read", "spark:people_read");

	final WebexOfficerClient webex = mock(WebexOfficerClient.class);

	@Test
	void scheduledPersonalRoomMeetingIsAPersonalRoomWithoutACall() {
		PersonalRoomCheck check = checkFor(COMPLIANCE_OFFICER);

		assertThat(check.check(HOST, meeting("scheduledMeeting", "personalRoomMeeting", "123"), "123"))
			.isEqualTo(PersonalRoom.PERSONAL_ROOM);
		then(this.webex).shouldHaveNoInteractions();
	}

	@Test
	void scheduledRegularMeetingIsNotAPersonalRoomWithoutACall() {
		PersonalRoomCheck check = checkFor(COMPLIANCE_OFFICER);
		Meeting meeting = meeting("scheduledMeeting", "meeting", "123");

		assertThat(check.needsCall(meeting)).isFalse();
		assertThat(check.check(HOST, meeting, "123")).isEqualTo(PersonalRoom.NOT_PERSONAL_ROOM);
		then(this.webex).shouldHaveNoInteractions();
	}

	@Nested
	class SeriesOrInstance {

		final Meeting series = meeting("meetingSeries", "meeting", "123456789");

		@Test
		void withoutThePreferencesScopeIsNotCheckableAndWebexIsNotAsked() {
			PersonalRoomCheck check = checkFor(COMPLIANCE_OFFICER);

			assertThat(check.needsCall(this.series)).isFalse();
			assertThat(check.check(HOST, this.series, "123456789")).isEqualTo(PersonalRoom.NOT_CHECKABLE);
			then(PersonalRoomCheckTests.this.webex).should(never()).personalMeetingRoom(any());
		}

		@Test
		void withThePreferencesScopeComparesTheAccessCodeIgnoringSpaces() {
			given(PersonalRoomCheckTests.this.webex.personalMeetingRoom(HOST)).willReturn(room("123 456 789"));
			PersonalRoomCheck check = checkFor(ADMIN);

			assertThat(check.needsCall(this.series)).isTrue();
			assertThat(check.check(HOST, this.series, "123456789")).isEqualTo(PersonalRoom.PERSONAL_ROOM);
		}

		@Test
		void anotherAccessCodeIsNotAPersonalRoomAndIsCachedPerHost() {
			given(PersonalRoomCheckTests.this.webex.personalMeetingRoom(HOST)).willReturn(room("987654321"));
			PersonalRoomCheck check = checkFor(ADMIN);

			assertThat(check.check(HOST, this.series, "123456789")).isEqualTo(PersonalRoom.NOT_PERSONAL_ROOM);
			assertThat(check.check("HOST@example.com", this.series, "123456789"))
				.isEqualTo(PersonalRoom.NOT_PERSONAL_ROOM);
			then(PersonalRoomCheckTests.this.webex).should().personalMeetingRoom(HOST);
		}

		@Test
		void answerWithoutAnAccessCodeIsUnknownAndNotCached() {
			given(PersonalRoomCheckTests.this.webex.personalMeetingRoom(HOST))
				.willReturn(new PersonalMeetingRoom("PMR", "https://example.webex.com/meet/host", null));
			PersonalRoomCheck check = checkFor(ADMIN);

			assertThat(check.check(HOST, this.series, "123456789")).isEqualTo(PersonalRoom.UNKNOWN);
			assertThat(check.check(HOST, this.series, "123456789")).isEqualTo(PersonalRoom.UNKNOWN);
			then(PersonalRoomCheckTests.this.webex).should(org.mockito.Mockito.times(2)).personalMeetingRoom(HOST);
		}

		@Test
		void failedCallIsUnknown() {
			given(PersonalRoomCheckTests.this.webex.personalMeetingRoom(HOST))
				.willThrow(new WebexException("500", 500, null, null, null));
			PersonalRoomCheck check = checkFor(ADMIN);

			assertThat(check.check(HOST, this.series, "123456789")).isEqualTo(PersonalRoom.UNKNOWN);
		}

		@Test
		void endedInstanceWithoutANumberIsUnknownWithoutACall() {
			Meeting instance = meeting("meeting", "meeting", null);
			PersonalRoomCheck check = checkFor(ADMIN);

			assertThat(check.check(HOST, instance, null)).isEqualTo(PersonalRoom.UNKNOWN);
			then(PersonalRoomCheckTests.this.webex).should().grantedScopes();
			then(PersonalRoomCheckTests.this.webex).shouldHaveNoMoreInteractions();
		}

	}

	static Meeting meeting(String meetingType, String scheduledType, String number) {
		return new Meeting("m1", "s1", number, "Title", meetingType, "ended", null, null, "host-id", HOST, "Host",
				scheduledType);
	}

	static PersonalMeetingRoom room(String accessCode) {
		return new PersonalMeetingRoom("PMR", "https://example.webex.com/meet/host", new Telephony(accessCode));
	}

	PersonalRoomCheck checkFor(Set<String> grantedScopes) {
		given(this.webex.grantedScopes()).willReturn(grantedScopes);
		return new PersonalRoomCheck(this.webex);
	}

}
