package io.github.recordingbot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.recordingbot.recording.RecentRecordings;

/**
 * Turns chat text and card inputs into a {@link Command}.
 *
 * <p>
 * Commands are whole words, case-insensitive ({@code direct} is not {@code rec}). A
 * meeting number is ASCII digits and may be written in groups ({@code 123 456 789}). A
 * trailing group of one to three digits after a complete meeting number is the number of
 * days back ({@code rec 123456789 20}).
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
			return new Command.Invalid("too_long");
		}
		String trimmed = text.strip();
		if (trimmed.indexOf('\r') >= 0 || trimmed.indexOf('\n') >= 0) {
			return firstWordIsRec(trimmed) ? new Command.Invalid("line_break") : new Command.Help();
		}
		List<String> words = List.of(WHITESPACE.split(trimmed));
		String first = words.get(0).toLowerCase(Locale.ROOT);
		if (first.equals("rec")) {
			return parseRec(words.subList(1, words.size()));
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
			return new Command.Invalid("no_inputs");
		}
		if (inputs.containsKey(RecentRecordings.MEETING_ID)) {
			String meetingId = string(inputs.get(RecentRecordings.MEETING_ID));
			return (meetingId != null && MEETING_ID.matcher(meetingId).matches()) ? new Command.Pick(meetingId)
					: new Command.Invalid("bad_meeting_id");
		}
		String number = string(inputs.get(MEETING_NUMBER));
		String host = string(inputs.get(MEETING_HOST));
		String days = string(inputs.get(DAYS_BACK));
		if (number == null || number.length() > 40 || (host != null && host.length() > 320)
				|| (days != null && days.length() > 12)) {
			return new Command.Invalid("bad_card_input");
		}
		String digits = WHITESPACE.matcher(number.strip()).replaceAll("");
		if (!MEETING_NUMBER_DIGITS.matcher(digits).matches()) {
			return new Command.Invalid("bad_meeting_number");
		}
		String hostEmail = null;
		if (host != null && !host.isBlank()) {
			if (!EMAIL.matcher(host.strip()).matches()) {
				return new Command.Invalid("bad_host_email");
			}
			hostEmail = host.strip();
		}
		Integer daysBack = null;
		if (days != null && !days.isBlank()) {
			daysBack = days(days.strip());
			if (daysBack == null) {
				return new Command.Invalid("bad_days_back");
			}
		}
		return new Command.Rec(digits, hostEmail, daysBack);
	}

	private static Command parseRec(List<String> args) {
		List<String> numberGroups = new ArrayList<>();
		int i = 0;
		while (i < args.size() && DIGITS.matcher(args.get(i)).matches()) {
			numberGroups.add(args.get(i));
			i++;
		}
		if (numberGroups.isEmpty()) {
			return new Command.Invalid("bad_meeting_number");
		}
		String hostEmail = null;
		Integer daysBack = null;
		if (i < args.size()) {
			String host = args.get(i);
			if (!EMAIL.matcher(host).matches()) {
				return new Command.Invalid("bad_host_email");
			}
			hostEmail = host;
			i++;
			if (i < args.size()) {
				daysBack = days(args.get(i));
				if (daysBack == null) {
					return new Command.Invalid("bad_days_back");
				}
				i++;
			}
		}
		else if (numberGroups.size() > 1) {
			String last = numberGroups.get(numberGroups.size() - 1);
			String before = String.join("", numberGroups.subList(0, numberGroups.size() - 1));
			if (last.length() <= 3 && MEETING_NUMBER_DIGITS.matcher(before).matches()) {
				daysBack = days(last);
				numberGroups = numberGroups.subList(0, numberGroups.size() - 1);
			}
		}
		if (i < args.size()) {
			return new Command.Invalid("extra_words");
		}
		String number = String.join("", numberGroups);
		if (!MEETING_NUMBER_DIGITS.matcher(number).matches()) {
			return new Command.Invalid("bad_meeting_number");
		}
		return new Command.Rec(number, hostEmail, daysBack);
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
	private static Integer days(String text) {
		if (text.length() > 3 || !DIGITS.matcher(text).matches()) {
			return null;
		}
		return Integer.valueOf(text);
	}

	private static String string(Object value) {
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
