package io.github.recordingbot.conversation;

import java.util.HashMap;
import java.util.Map;

import io.github.recordingbot.recording.RecentRecordings;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How chat text and card inputs become commands.
 */
class CommandParserTests {

	@Test
	void recWithGroupedNumberDefaultsHostAndDays() {
		assertThat(CommandParser.parseText("rec 123 456 789")).isEqualTo(new Command.Rec("123456789", null, null));
	}

	@Test
	void recWithHostAndDays() {
		assertThat(CommandParser.parseText("  REC 123456789 Bob@Example.com 20 "))
			.isEqualTo(new Command.Rec("123456789", "Bob@Example.com", 20));
	}

	@Test
	void recWithNumberThenShortNumberMeansDaysBack() {
		assertThat(CommandParser.parseText("rec 123456789 20")).isEqualTo(new Command.Rec("123456789", null, 20));
	}

	@Test
	void recWithElevenDigitsInWebexGroupingIsOneNumber() {
		assertThat(CommandParser.parseText("rec 2631 234 5678")).isEqualTo(new Command.Rec("26312345678", null, null));
	}

	@Test
	void commandIsAWholeWord() {
		assertThat(CommandParser.parseText("direct 123456789")).isInstanceOf(Command.Help.class);
		assertThat(CommandParser.parseText("record 123456789")).isInstanceOf(Command.Help.class);
	}

	@Test
	void anythingElseAsksForHelp() {
		assertThat(CommandParser.parseText("hello")).isInstanceOf(Command.Help.class);
		assertThat(CommandParser.parseText("")).isInstanceOf(Command.Help.class);
		assertThat(CommandParser.parseText(null)).isInstanceOf(Command.Help.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "rec", "rec abc", "rec 12345", "rec 123456789012", "rec ١٢٣٤٥٦٧٨٩", "rec +123456789",
			"rec -123456789", "rec 123456789 -1", "rec 123456789 a@b.com 1000000000", "rec 123456789 not-an-email",
			"rec 123456789 a@b.com 5 extra", "rec 123456789 a@b.com\r\nbcc@evil.org", "rec 123456789\n20",
			"rec 123,456,789", "rec 123456789 a@@b.com", "rec 123456789 ａ@example.com", "rec 12345678９",
			"rec 123456789 a@b.com x", "rec 0x75BCD15" })
	void malformedRecIsInvalid(String text) {
		assertThat(CommandParser.parseText(text)).isInstanceOf(Command.Invalid.class);
	}

	@Test
	void tenThousandCharactersAreInvalidBeforeAnyPatternWork() {
		assertThat(CommandParser.parseText("rec " + "1".repeat(10_000))).isEqualTo(new Command.Invalid("too_long"));
	}

	@Nested
	class CardInputs {

		@Test
		void submittedFormRunsRec() {
			Map<String, Object> inputs = Map.of("meeting_number", "123 456 789", "meeting_host", "", "days_back", "7");
			assertThat(CommandParser.parseCard(inputs)).isEqualTo(new Command.Rec("123456789", null, 7));
		}

		@Test
		void meetingChosenOnTheRecentRecordingsCardIsAPick() {
			Map<String, Object> inputs = Map.of(RecentRecordings.MEETING_ID, "0a1b2c3d4e5f_I_7");
			assertThat(CommandParser.parseCard(inputs)).isEqualTo(new Command.Pick("0a1b2c3d4e5f_I_7"));
		}

		@Test
		void noMeetingChosenOnTheRecentRecordingsCardIsInvalid() {
			Map<String, Object> inputs = Map.of(RecentRecordings.MEETING_ID, "");
			assertThat(CommandParser.parseCard(inputs)).isEqualTo(new Command.Invalid("bad_meeting_id"));
		}

		@Test
		void numbersMayArriveAsNumbers() {
			Map<String, Object> inputs = Map.of("meeting_number", 123456789, "days_back", 3);
			assertThat(CommandParser.parseCard(inputs)).isEqualTo(new Command.Rec("123456789", null, 3));
		}

		@ParameterizedTest
		@ValueSource(strings = { "", "abc", "12345", "１２３４５６７８９", "123\n456789" })
		void badMeetingNumberIsInvalid(String number) {
			Map<String, Object> inputs = new HashMap<>();
			inputs.put("meeting_number", number);
			assertThat(CommandParser.parseCard(inputs)).isInstanceOf(Command.Invalid.class);
		}

		@Test
		void hostWithLineBreakIsInvalid() {
			Map<String, Object> inputs = Map.of("meeting_number", "123456789", "meeting_host", "a@b.com\r\nx");
			assertThat(CommandParser.parseCard(inputs)).isInstanceOf(Command.Invalid.class);
		}

		@Test
		void negativeDaysAreInvalid() {
			Map<String, Object> inputs = Map.of("meeting_number", "123456789", "days_back", "-1");
			assertThat(CommandParser.parseCard(inputs)).isInstanceOf(Command.Invalid.class);
		}

	}

}
