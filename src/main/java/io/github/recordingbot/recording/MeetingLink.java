package io.github.recordingbot.recording;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A meeting link a user typed, accepted only when it is an https link on a Webex site in
 * one of the two shapes Webex hands out: a meeting's information page
 * ({@code https://<site>.webex.com/<site>/j.php?MTID=<id>}) or a personal room
 * ({@code https://<site>.webex.com/meet/<name>}).
 *
 * <p>
 * The check is a whole-string match of a narrow pattern, not URI parsing: there is no
 * user info, port, fragment, percent sign or whitespace to misread, so no trick such as
 * {@code https://evil.org%2F@acme.webex.com} can pass, and what goes to Webex is rebuilt
 * from the matched parts with a lower-case host.
 *
 * @param site the host, lower case, for example {@code acme.webex.com}
 * @param path the path and query after the host, for example
 * {@code /acme/j.php?MTID=m0a1b}
 * @param personalRoom whether it is a personal room's link ({@code /meet/<name>})
 * @see <a href=
 * "https://developer.webex.com/docs/api/v1/meetings/list-meetings-by-an-admin">List
 * Meetings By an Admin</a>
 */
public record MeetingLink(String site, String path, boolean personalRoom) {

	/** Longest link looked at; real ones are well under 150 characters. */
	public static final int MAX_LENGTH = 200;

	private static final String HOST = "((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.){1,2}webex\\.com)";

	private static final Pattern MEETING = Pattern
		.compile("https://" + HOST + "(/[a-z0-9_-]{1,63}/j\\.php\\?MTID=[a-z0-9]{1,64})", Pattern.CASE_INSENSITIVE);

	private static final Pattern PERSONAL_ROOM = Pattern.compile("https://" + HOST + "(/meet/[a-z0-9._-]{1,64})/?",
			Pattern.CASE_INSENSITIVE);

	/**
	 * The link, when it is one the bot may pass to Webex.
	 * @param text what the user typed, may be {@code null}
	 * @return the link, or empty for anything else
	 */
	public static Optional<MeetingLink> parse(String text) {
		if (text == null || text.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		Matcher meeting = MEETING.matcher(text);
		if (meeting.matches()) {
			return Optional.of(new MeetingLink(meeting.group(1).toLowerCase(Locale.ROOT), meeting.group(2), false));
		}
		Matcher room = PERSONAL_ROOM.matcher(text);
		if (room.matches()) {
			return Optional.of(new MeetingLink(room.group(1).toLowerCase(Locale.ROOT), room.group(2), true));
		}
		return Optional.empty();
	}

	/** Whether the text starts like a link, so that it is judged as one. */
	public static boolean looksLikeLink(String text) {
		return text.contains("://") || text.regionMatches(true, 0, "www.", 0, 4) || text.contains(".webex.com")
				|| text.regionMatches(true, 0, "javascript:", 0, 11);
	}

	/** The link as it goes to Webex (not URL-encoded: the client encodes it once). */
	public String url() {
		return "https://" + this.site + this.path;
	}

	/**
	 * What the audit line keeps: the site and the kind of link, not the meeting's id or
	 * the room's name, which let anyone join.
	 */
	public String redacted() {
		return "https://" + this.site + (this.personalRoom ? "/meet/…" : "/…/j.php?MTID=…");
	}

	@Override
	public String toString() {
		return redacted();
	}

}
