package io.github.recordingbot.recording;

import java.time.ZoneId;

/**
 * The time zone a requester's "today" and "2026-11-18" mean. The conversation answers it
 * from the person's Webex profile, which only the bot's token reads: recording/ asks
 * Webex only as the Compliance Officer.
 */
@FunctionalInterface
public interface RequesterZones {

	/**
	 * The requester's zone; never throws for Webex trouble (UTC then, and the reply says
	 * so).
	 * @param personId the requester's Webex person id
	 * @return the zone and where it came from
	 */
	RequesterZone of(String personId);

	/**
	 * A requester's time zone and where it came from.
	 *
	 * @param zone the zone
	 * @param fromProfile whether the person's Webex profile names it (otherwise UTC)
	 */
	record RequesterZone(ZoneId zone, boolean fromProfile) {

		public static final RequesterZone UTC = new RequesterZone(ZoneId.of("UTC"), false);

	}

}
