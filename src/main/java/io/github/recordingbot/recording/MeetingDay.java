package io.github.recordingbot.recording;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one day a request asks for: a calendar date, or a day counted back from today
 * ({@code today} is 0, {@code yesterday} 1). Which calendar day "today" is depends on the
 * requester's time zone, so a relative day is resolved only once that is known.
 *
 * @param date the date, or {@code null} for a relative day
 * @param daysAgo days before today, used when {@code date} is {@code null}
 */
public record MeetingDay(LocalDate date, int daysAgo) {

	public static MeetingDay on(LocalDate date) {
		return new MeetingDay(date, 0);
	}

	public static MeetingDay daysAgo(int days) {
		return new MeetingDay(null, days);
	}

	/** The calendar day in the zone. */
	public LocalDate in(ZoneId zone, Clock clock) {
		return (this.date != null) ? this.date : LocalDate.now(clock.withZone(zone)).minusDays(this.daysAgo);
	}

	/**
	 * Whether the day can lie within the last {@code maxDaysBack} days in some time zone:
	 * not after tomorrow in UTC (it is already tomorrow east of UTC), not before the
	 * window. The lookup still keeps only recordings inside the window.
	 */
	public boolean within(Clock clock, int maxDaysBack) {
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		LocalDate day = in(ZoneOffset.UTC, clock);
		return !day.isAfter(today.plusDays(1)) && !day.isBefore(today.minusDays(maxDaysBack));
	}

	/** For the audit line: the date, or {@code today-N} for a relative day. */
	public String audit() {
		return (this.date != null) ? this.date.toString() : "today-" + this.daysAgo;
	}

}
