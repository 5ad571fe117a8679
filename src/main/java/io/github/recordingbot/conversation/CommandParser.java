package io.github.recordingbot.conversation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.recordingbot.recording.MeetingDay;
import io.github.recordingbot.recording.MeetingLink;
import io.github.recordingbot.recording.RecentRecordings;

import org.jspecify.annotations.Nullable;

/**
 * Turns chat text and card inputs into a {@link Command}.
 *
 * <p>
 * Commands are whole words, case-insensitive ({@code direct} is not {@code rec}):
 *
 * <pre>
 * rec &lt;meeting number | meeting link&gt; [host e-mail] [days back | [on] &lt;day&gt;]
 * recent [days back]
 * </pre>
 *
 * A meeting number is ASCII digits and may be written in groups ({@code 123 456 789}). A
 * trailing group of one to three digits after a complete meeting number is the number of
 * days back ({@code rec 123456789 20}). A link must pass {@link MeetingLink#parse}. A day
 * is an ISO date ({@code 2026-11-18}, checked strictly) or a day word in English or Czech
 * ({@code today}, {@code yesterday}, {@code dnes}, {@code včera}), optionally after
 * {@code on} or {@code dne}.
 */
final class CommandParser {

	/**
	 * Longest text the parser looks at; anything longer is refused before any pattern
	 * work.
	 */
	static final int MAX_TEXT_LENGTH = 500;

	/**
	 * The card inputs the original bot used, kept so that its users' tools carry over.
	 */
	static final String MEETING_NUMBER = "meeting_number";

	static final String MEETING_HOST = "meeting_host";

	static final String DAYS_BACK = "days_back";

	/** The help card's optional day ({@code Input.Date}, {@code YYYY-MM-DD}). */
	static final String MEETING_DATE = "meeting_date";

	/** What the help card's second button submits to ask for {@code recent}. */
	static final String COMMAND_KEYWORD = "command_keyword";

	static final String REC = "rec";

	static final String RECENT = "recent";

	/** The words that may come before a day. */
	static final List<String> ON = List.of("on", "dne");

	/**
	 * Day words, in both languages whatever the configured one, and days before today.
	 */
	static final Map<String, Integer> DAY_WORDS = Map.of("today", 0, "yesterday", 1, "dnes", 0, "včera", 1, "vcera", 1);

	private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final Pattern ISO_DATE_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

	private static final Pattern DIGITS = Pattern.compile("[0-9]+");

	private static final Pattern MEETING_NUMBER_DIGITS = Pattern.compile("[0-9]{9,11}");

	private static final Pattern EMAIL = Pattern
		.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9-]{1,63}(\\.[A-Za-z0-9-]{1,63})+");

	/** Meeting ids are hex, with {@code _I_} and digits for an instance. */
	private static final Pattern MEETING_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

	private static final Pattern WHITESPACE = Pattern.compile("[ \\t]+");

	private CommandParser() {
	}

	/**
	 * Parses chat text.
	 * @param text the message text, may be {@code null}
	 * @return the command; any text that is not a command asks for help
	 */
	static Command parseText(String text) {
		if (text == null || text.isBlank()) {
			return new Command.Help();
		}
		if (text.length() > MAX_TEXT_LENGTH) {
			return new Command.Invalid(Reason.TOO_LONG);
		}
		String trimmed = text.strip();
		if (trimmed.indexOf('\r') >= 0 || trimmed.indexOf('\n') >= 0) {
			return firstWordIsRec(trimmed) ? new Command.Invalid(Reason.LINE_BREAK) : new Command.Help();
		}
		List<String> words = List.of(WHITESPACE.split(trimmed));
		String first = words.get(0).toLowerCase(Locale.ROOT);
		if (first.equals(REC)) {
			return parseRec(words.subList(1, words.size()));
		}
		if (first.equals(RECENT)) {
			return parseRecent(words.subList(1, words.size()));
		}
		return new Command.Help();
	}

	/**
	 * Parses the inputs of a submitted help card.
	 * @param inputs the card's inputs
	 * @return the command
	 */
	static Command parseCard(Map<String, Object> inputs) {
		if (inputs == null) {
			return new Command.Invalid(Reason.NO_INPUTS);
		}
		if (RECENT.equals(string(inputs.get(COMMAND_KEYWORD)))) {
			return new Command.Recent(null);
		}
		if (inputs.containsKey(RecentRecordings.MEETING_ID)) {
			String meetingId = string(inputs.get(RecentRecordings.MEETING_ID));
			return (meetingId != null && MEETING_ID.matcher(meetingId).matches()) ? new Command.Pick(meetingId)
					: new Command.Invalid(Reason.BAD_MEETING_ID);
		}
		String number = string(inputs.get(MEETING_NUMBER));
		String host = string(inputs.get(MEETING_HOST));
		String days = string(inputs.get(DAYS_BACK));
		String date = string(inputs.get(MEETING_DATE));
		if (number == null || number.length() > MeetingLink.MAX_LENGTH || (host != null && host.length() > 320)
				|| (days != null && days.length() > 12) || (date != null && date.length() > 12)) {
			return new Command.Invalid(Reason.BAD_CARD_INPUT);
		}
		String digits = null;
		MeetingLink link = null;
		if (MeetingLink.looksLikeLink(number.strip())) {
			link = MeetingLink.parse(number.strip()).orElse(null);
			if (link == null) {
				return new Command.Invalid(Reason.BAD_MEETING_LINK);
			}
		}
		else {
			digits = WHITESPACE.matcher(number.strip()).replaceAll("");
			if (!MEETING_NUMBER_DIGITS.matcher(digits).matches()) {
				return new Command.Invalid(Reason.BAD_MEETING_NUMBER);
			}
		}
		MeetingDay day = null;
		if (date != null && !date.isBlank()) {
			// Input.Date submits ISO dates only: a day word here is not from the card.
			day = ISO_DATE_SHAPE.matcher(date.strip()).matches() ? day(date.strip()) : null;
			if (day == null) {
				return new Command.Invalid(Reason.BAD_DAY);
			}
		}
		String hostEmail = null;
		if (host != null && !host.isBlank()) {
			if (!EMAIL.matcher(host.strip()).matches()) {
				return new Command.Invalid(Reason.BAD_HOST_EMAIL);
			}
			hostEmail = host.strip();
		}
		Integer daysBack = null;
		if (day == null && days != null && !days.isBlank()) {
			// With a day the form's days back (which always has a value) does not apply.
			daysBack = days(days.strip());
			if (daysBack == null) {
				return new Command.Invalid(Reason.BAD_DAYS_BACK);
			}
		}
		return new Command.Rec(digits, link, hostEmail, daysBack, day);
	}

	private static Command parseRecent(List<String> args) {
		if (args.isEmpty()) {
			return new Command.Recent(null);
		}
		Integer days = (args.size() == 1) ? days(args.get(0)) : null;
		return (days != null) ? new Command.Recent(days) : new Command.Invalid(Reason.BAD_RECENT_DAYS);
	}

	/**
	 * A meeting link as the first argument of {@code rec}: anything that looks like a
	 * link is judged as one, so that a rejected link gets the usage reply and never
	 * reaches Webex.
	 */
	private static Command parseRecByLink(List<String> args) {
		MeetingLink link = MeetingLink.parse(args.get(0)).orElse(null);
		if (link == null) {
			return new Command.Invalid(Reason.BAD_MEETING_LINK);
		}
		return parseRest(null, link, args.subList(1, args.size()));
	}

	/** What may follow the meeting: {@code [host e-mail] [days back | [on] <day>]}. */
	private static Command parseRest(String number, MeetingLink link, List<String> rest) {
		int i = 0;
		String hostEmail = null;
		if (i < rest.size() && rest.get(i).indexOf('@') >= 0) {
			if (!EMAIL.matcher(rest.get(i)).matches()) {
				return new Command.Invalid(Reason.BAD_HOST_EMAIL);
			}
			hostEmail = rest.get(i);
			i++;
		}
		Integer daysBack = null;
		MeetingDay day = null;
		if (i < rest.size() && DIGITS.matcher(rest.get(i)).matches()) {
			daysBack = days(rest.get(i));
			if (daysBack == null) {
				return new Command.Invalid(Reason.BAD_DAYS_BACK);
			}
			i++;
		}
		else if (i < rest.size()) {
			if (ON.contains(rest.get(i).toLowerCase(Locale.ROOT)) && i + 1 < rest.size()) {
				i++;
			}
			day = day(rest.get(i));
			if (day == null) {
				return new Command.Invalid((hostEmail == null && i == 0 && !looksLikeDay(rest.get(i)))
						? Reason.BAD_HOST_EMAIL : Reason.BAD_DAY);
			}
			i++;
		}
		if (i < rest.size()) {
			return new Command.Invalid(Reason.EXTRA_WORDS);
		}
		return new Command.Rec(number, link, hostEmail, daysBack, day);
	}

	/**
	 * A day: an ISO date that exists ({@code 2026-02-30} does not) or a day word; range
	 * checks need the clock and come later.
	 */
	private static @Nullable MeetingDay day(String text) {
		Integer daysAgo = DAY_WORDS.get(text.toLowerCase(Locale.ROOT));
		if (daysAgo != null) {
			return MeetingDay.daysAgo(daysAgo);
		}
		if (!ISO_DATE_SHAPE.matcher(text).matches()) {
			return null;
		}
		try {
			return MeetingDay.on(LocalDate.parse(text, ISO_DATE));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static boolean looksLikeDay(String text) {
		return ON.contains(text.toLowerCase(Locale.ROOT)) || text.indexOf('-') > 0;
	}

	private static Command parseRec(List<String> args) {
		if (!args.isEmpty() && MeetingLink.looksLikeLink(args.get(0))) {
			return parseRecByLink(args);
		}
		List<String> numberGroups = new ArrayList<>();
		int i = 0;
		while (i < args.size() && DIGITS.matcher(args.get(i)).matches()) {
			numberGroups.add(args.get(i));
			i++;
		}
		if (numberGroups.isEmpty()) {
			return new Command.Invalid(Reason.BAD_MEETING_NUMBER);
		}
		if (i == args.size() && numberGroups.size() > 1) {
			String last = numberGroups.get(numberGroups.size() - 1);
			String before = String.join("", numberGroups.subList(0, numberGroups.size() - 1));
			if (last.length() <= 3 && MEETING_NUMBER_DIGITS.matcher(before).matches()) {
				return new Command.Rec(before, null, days(last));
			}
		}
		String number = String.join("", numberGroups);
		if (!MEETING_NUMBER_DIGITS.matcher(number).matches()) {
			return new Command.Invalid(Reason.BAD_MEETING_NUMBER);
		}
		return parseRest(number, null, args.subList(i, args.size()));
	}

	private static boolean firstWordIsRec(String text) {
		String first = WHITESPACE.split(text.strip(), 2)[0];
		int lineBreak = first.indexOf('\n');
		if (lineBreak >= 0) {
			first = first.substring(0, lineBreak);
		}
		return first.strip().toLowerCase(Locale.ROOT).equals("rec");
	}

	/**
	 * Days back as a number, or {@code null} when it is not 1 to 3 ASCII digits; bounds
	 * are checked later.
	 */
	private static @Nullable Integer days(String text) {
		if (text.length() > 3 || !DIGITS.matcher(text).matches()) {
			return null;
		}
		return Integer.valueOf(text);
	}

	private static @Nullable String string(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof String text) {
			return text;
		}
		if (value instanceof Number number) {
			return number.toString();
		}
		return null;
	}

}
