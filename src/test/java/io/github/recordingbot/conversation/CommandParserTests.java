package io.github.recordingbot.conversation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import io.github.recordingbot.recording.MeetingDay;
import io.github.recordingbot.recording.MeetingLink;
import io.github.recordingbot.recording.RecentRecordings;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
		assertThat(CommandParser.parseText("rec " + "1".repeat(10_000)))
			.isEqualTo(new Command.Invalid(Reason.TOO_LONG));
	}

	static final String LINK = "https://acme.webex.com/acme/j.php?MTID=m0a1b2c3d4e5f60718293a4b5c6d7e8f9";

	static final String ROOM_LINK = "https://acme.webex.com/meet/alice.smith";

	/** Malformed links: every one gets the usage reply and never reaches Webex. */
	static final String[] BAD_LINKS = { "http://acme.webex.com/acme/j.php?MTID=m0a1b",
			"https://acme.webex.com.evil.org/acme/j.php?MTID=m0a1b", "https://evil.org/acme/j.php?MTID=m0a1b",
			"https://acmewebex.com/meet/alice", "https://webex.com/meet/alice", "javascript:alert(1)",
			"JavaScript://acme.webex.com/%0Aalert(1)", "https://evil.org%2F@acme.webex.com/meet/alice",
			"https://acme.webex.com%2F.evil.org/meet/alice", "https://acme.webex.com/meet/%61lice",
			"https://acme.webex.com/meet/../../admin", "https://user@acme.webex.com/meet/alice",
			"https://acme.webex.com:8443/meet/alice",
			"https://acme.webex.com/acme/j.php?MTID=m0a1b&next=https://evil.org",
			"https://acme.webex.com/acme/j.php?MTID=m0a1b#frag", "https://acme.webex.com/meet/alice?x=1",
			"https://a.b.c.webex.com/meet/alice", "https://acme.webex.com/meet/" + "a".repeat(250),
			"https://acme.webex.com/acme/j.php?MTID=" + "a".repeat(65), "https://acme.webex.com/meet/ａlice",
			"https://acme.xn--webex-xyz.com/meet/alice", "www.acme.webex.com/meet/alice", "acme.webex.com/meet/alice",
			"https://-acme.webex.com/meet/alice", "https://acme.webex.com/acme/j.php?mtid=" };

	@Nested
	class ByLink {

		@Test
		void recWithMeetingLinkAsksByLink() {
			Command command = CommandParser.parseText("rec " + LINK);

			assertThat(command)
				.isEqualTo(new Command.Rec(null, MeetingLink.parse(LINK).orElseThrow(), null, null, null));
		}

		@Test
		void recWithPersonalRoomLinkHostAndDays() {
			Command command = CommandParser.parseText("rec " + ROOM_LINK + " bob@example.com 20");

			assertThat(command).isInstanceOfSatisfying(Command.Rec.class, (rec) -> {
				assertThat(rec.link().personalRoom()).isTrue();
				assertThat(rec.link().url()).isEqualTo(ROOM_LINK);
				assertThat(rec.hostEmail()).isEqualTo("bob@example.com");
				assertThat(rec.daysBack()).isEqualTo(20);
			});
		}

		@Test
		void hostIsLowerCasedAndTheRestKept() {
			Command command = CommandParser.parseText("rec HTTPS://Acme.WebEx.com/acme/j.php?MTID=m0A1b");

			assertThat(command).isInstanceOfSatisfying(Command.Rec.class,
					(rec) -> assertThat(rec.link().url()).isEqualTo("https://acme.webex.com/acme/j.php?MTID=m0A1b"));
		}

		@ParameterizedTest
		@org.junit.jupiter.params.provider.MethodSource("io.github.recordingbot.conversation.CommandParserTests#badLinks")
		void malformedLinkIsInvalid(String link) {
			assertThat(CommandParser.parseText("rec " + link)).isInstanceOf(Command.Invalid.class);
			assertThat(CommandParser.parseCard(Map.of("meeting_number", link))).isInstanceOf(Command.Invalid.class);
		}

	}

	static String[] badLinks() {
		return BAD_LINKS;
	}

	@Nested
	class ByDay {

		@Test
		void recOnAnIsoDate() {
			assertThat(CommandParser.parseText("rec 123 456 789 on 2026-11-18")).isEqualTo(
					new Command.Rec("123456789", null, null, null, MeetingDay.on(LocalDate.parse("2026-11-18"))));
		}

		@Test
		void recWithHostAndADayWithoutOn() {
			assertThat(CommandParser.parseText("rec 123456789 bob@example.com 2026-11-18")).isEqualTo(new Command.Rec(
					"123456789", null, "bob@example.com", null, MeetingDay.on(LocalDate.parse("2026-11-18"))));
		}

		@ParameterizedTest
		@CsvSource({ "yesterday, 1", "Today, 0", "on yesterday, 1", "včera, 1", "dne včera, 1", "Dnes, 0", "vcera, 1" })
		void dayWordsInEitherLanguage(String words, int daysAgo) {
			assertThat(CommandParser.parseText("rec 123456789 " + words))
				.isEqualTo(new Command.Rec("123456789", null, null, null, MeetingDay.daysAgo(daysAgo)));
		}

		@Test
		void linkAndDay() {
			assertThat(CommandParser.parseText("rec " + LINK + " yesterday")).isInstanceOfSatisfying(Command.Rec.class,
					(rec) -> {
						assertThat(rec.link()).isNotNull();
						assertThat(rec.day()).isEqualTo(MeetingDay.daysAgo(1));
					});
		}

		@ParameterizedTest
		@ValueSource(strings = { "rec 123456789 on 2026-02-30", "rec 123456789 2026-13-01", "rec 123456789 on",
				"rec 123456789 on tomorrow", "rec 123456789 2026-11-18 extra",
				"rec 123456789 a@example.com 20 on 2026-11-18", "rec 123456789 18.11.2026",
				"rec 123456789 on 2026-11-18T10:00", "rec 123456789 on +2026-11-18", "rec 123456789 on 26-11-18",
				"rec 123456789 on 2026-1-18", "rec 123456789 on 2026-11-18 yesterday", "rec 123456789 on ２０２６-11-18" })
		void malformedDayIsInvalid(String text) {
			assertThat(CommandParser.parseText(text)).isInstanceOf(Command.Invalid.class);
		}

	}

	@Nested
	class Recent {

		@Test
		void recentWithAndWithoutDays() {
			assertThat(CommandParser.parseText("recent")).isEqualTo(new Command.Recent(null));
			assertThat(CommandParser.parseText("Recent 7")).isEqualTo(new Command.Recent(7));
		}

		@ParameterizedTest
		@ValueSource(strings = { "recent x", "recent 7 8", "recent -1", "recent 1000", "recent 123456789" })
		void malformedRecentIsInvalid(String text) {
			assertThat(CommandParser.parseText(text)).isInstanceOf(Command.Invalid.class);
		}

	}

	@Nested
	class CardInputs {

		@Test
		void meetingFieldTakesALinkAndTheDateFieldADay() {
			Map<String, Object> inputs = Map.of("meeting_number", LINK, "days_back", "10", "meeting_date",
					"2026-11-18");

			assertThat(CommandParser.parseCard(inputs)).isEqualTo(new Command.Rec(null,
					MeetingLink.parse(LINK).orElseThrow(), null, null, MeetingDay.on(LocalDate.parse("2026-11-18"))));
		}

		@Test
		void myRecordingsButtonIsRecent() {
			assertThat(CommandParser.parseCard(Map.of("command_keyword", "recent")))
				.isEqualTo(new Command.Recent(null));
		}

		@ParameterizedTest
		@ValueSource(
				strings = { "2026-02-30", "yesterday", "2026-11-18T00:00", "18.11.2026", "2026-11-1", "0000-00-00" })
		void badDateIsInvalid(String date) {
			Map<String, Object> inputs = Map.of("meeting_number", "123456789", "meeting_date", date);
			assertThat(CommandParser.parseCard(inputs)).isInstanceOf(Command.Invalid.class);
		}

		@Test
		void emptyDateMeansEveryDay() {
			Map<String, Object> inputs = Map.of("meeting_number", "123456789", "days_back", "7", "meeting_date", "");
			assertThat(CommandParser.parseCard(inputs)).isEqualTo(new Command.Rec("123456789", null, 7));
		}

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
			assertThat(CommandParser.parseCard(inputs)).isEqualTo(new Command.Invalid(Reason.BAD_MEETING_ID));
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
