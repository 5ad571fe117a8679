package io.github.recordingbot.recording;

import java.util.Optional;
import java.util.Set;

import io.github.recordingbot.access.AccessPolicy.PersonalRoom;
import io.github.recordingbot.webex.OfficerTokens;
import io.github.recordingbot.webex.WebexClient;
import io.github.recordingbot.webex.WebexException;
import io.github.recordingbot.webex.WebexModels.Meeting;
import io.github.recordingbot.webex.WebexModels.PersonalMeetingRoom;
import io.github.recordingbot.webex.WebexModels.Telephony;
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

	final WebexClient webex = mock(WebexClient.class);

	final OfficerTokens admin = tokensWith("meeting:admin_preferences_read", "meeting:admin_schedule_read");

	final OfficerTokens complianceOfficer = tokensWith("spark-compliance:meetings_read", "spark:people_read");

	@Test
	void scheduledPersonalRoomMeetingIsAPersonalRoomWithoutACall() {
		PersonalRoomCheck check = new PersonalRoomCheck(this.webex, this.complianceOfficer);

		assertThat(check.check("t", HOST, meeting("scheduledMeeting", "personalRoomMeeting", "123"), "123"))
			.isEqualTo(PersonalRoom.PERSONAL_ROOM);
		then(this.webex).shouldHaveNoInteractions();
	}

	@Test
	void scheduledRegularMeetingIsNotAPersonalRoomWithoutACall() {
		PersonalRoomCheck check = new PersonalRoomCheck(this.webex, this.complianceOfficer);
		Meeting meeting = meeting("scheduledMeeting", "meeting", "123");

		assertThat(check.needsCall(meeting)).isFalse();
		assertThat(check.check("t", HOST, meeting, "123")).isEqualTo(PersonalRoom.NOT_PERSONAL_ROOM);
		then(this.webex).shouldHaveNoInteractions();
	}

	@Nested
	class SeriesOrInstance {

		final Meeting series = meeting("meetingSeries", "meeting", "123456789");

		@Test
		void withoutThePreferencesScopeIsNotCheckableAndWebexIsNotAsked() {
			PersonalRoomCheck check = new PersonalRoomCheck(PersonalRoomCheckTests.this.webex,
					PersonalRoomCheckTests.this.complianceOfficer);

			assertThat(check.needsCall(this.series)).isFalse();
			assertThat(check.check("t", HOST, this.series, "123456789")).isEqualTo(PersonalRoom.NOT_CHECKABLE);
			then(PersonalRoomCheckTests.this.webex).should(never()).personalMeetingRoom(any(), any());
		}

		@Test
		void withThePreferencesScopeComparesTheAccessCodeIgnoringSpaces() {
			given(PersonalRoomCheckTests.this.webex.personalMeetingRoom("t", HOST)).willReturn(room("123 456 789"));
			PersonalRoomCheck check = new PersonalRoomCheck(PersonalRoomCheckTests.this.webex,
					PersonalRoomCheckTests.this.admin);

			assertThat(check.needsCall(this.series)).isTrue();
			assertThat(check.check("t", HOST, this.series, "123456789")).isEqualTo(PersonalRoom.PERSONAL_ROOM);
		}

		@Test
		void anotherAccessCodeIsNotAPersonalRoomAndIsCachedPerHost() {
			given(PersonalRoomCheckTests.this.webex.personalMeetingRoom("t", HOST)).willReturn(room("987654321"));
			PersonalRoomCheck check = new PersonalRoomCheck(PersonalRoomCheckTests.this.webex,
					PersonalRoomCheckTests.this.admin);

			assertThat(check.check("t", HOST, this.series, "123456789")).isEqualTo(PersonalRoom.NOT_PERSONAL_ROOM);
			assertThat(check.check("t", "HOST@example.com", this.series, "123456789"))
				.isEqualTo(PersonalRoom.NOT_PERSONAL_ROOM);
			then(PersonalRoomCheckTests.this.webex).should().personalMeetingRoom("t", HOST);
		}

		@Test
		void answerWithoutAnAccessCodeIsUnknownAndNotCached() {
			given(PersonalRoomCheckTests.this.webex.personalMeetingRoom("t", HOST))
				.willReturn(new PersonalMeetingRoom("PMR", "https://example.webex.com/meet/host", null));
			PersonalRoomCheck check = new PersonalRoomCheck(PersonalRoomCheckTests.this.webex,
					PersonalRoomCheckTests.this.admin);

			assertThat(check.check("t", HOST, this.series, "123456789")).isEqualTo(PersonalRoom.UNKNOWN);
			assertThat(check.check("t", HOST, this.series, "123456789")).isEqualTo(PersonalRoom.UNKNOWN);
			then(PersonalRoomCheckTests.this.webex).should(org.mockito.Mockito.times(2)).personalMeetingRoom("t", HOST);
		}

		@Test
		void failedCallIsUnknown() {
			given(PersonalRoomCheckTests.this.webex.personalMeetingRoom("t", HOST))
				.willThrow(new WebexException("500", 500, null, null, null));
			PersonalRoomCheck check = new PersonalRoomCheck(PersonalRoomCheckTests.this.webex,
					PersonalRoomCheckTests.this.admin);

			assertThat(check.check("t", HOST, this.series, "123456789")).isEqualTo(PersonalRoom.UNKNOWN);
		}

		@Test
		void endedInstanceWithoutANumberIsUnknownWithoutACall() {
			Meeting instance = meeting("meeting", "meeting", null);
			PersonalRoomCheck check = new PersonalRoomCheck(PersonalRoomCheckTests.this.webex,
					PersonalRoomCheckTests.this.admin);

			assertThat(check.check("t", HOST, instance, null)).isEqualTo(PersonalRoom.UNKNOWN);
			then(PersonalRoomCheckTests.this.webex).shouldHaveNoInteractions();
		}

	}

	static Meeting meeting(String meetingType, String scheduledType, String number) {
		return new Meeting("m1", "s1", number, "Title", meetingType, "ended", null, null, "host-id", HOST, "Host",
				scheduledType);
	}

	static PersonalMeetingRoom room(String accessCode) {
		return new PersonalMeetingRoom("PMR", "https://example.webex.com/meet/host", new Telephony(accessCode));
	}

	static OfficerTokens tokensWith(String... scopes) {
		return new OfficerTokens() {

			@Override
			public Optional<String> accessToken() {
				return Optional.of("t");
			}

			@Override
			public Set<String> grantedScopes() {
				return Set.of(scopes);
			}

		};
	}

}
