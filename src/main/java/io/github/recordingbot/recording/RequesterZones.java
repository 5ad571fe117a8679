package io.github.recordingbot.recording;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.recordingbot.webex.WebexClient;
import io.github.recordingbot.webex.WebexException;
import io.github.recordingbot.webex.WebexModels.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The time zone a requester's "today" and "2026-11-18" mean: the {@code timezone} of
 * their Webex profile ({@code GET /people/{id}}, bot token), or UTC when the profile has
 * none, names an unknown zone, or Webex does not answer (the reply says which was used,
 * so a wrong guess is visible). Zones are cached per person for an hour; a fallback to
 * UTC after a failure is not.
 *
 * @see <a href="https://developer.webex.com/docs/api/v1/people/get-person-details">Get
 * Person Details</a>
 */
@Component
class RequesterZones {

	private static final Logger logger = LoggerFactory.getLogger(RequesterZones.class);

	private final WebexClient webex;

	private final Cache<String, RequesterZone> zones = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofHours(1))
		.maximumSize(10_000)
		.build();

	RequesterZones(WebexClient webex) {
		this.webex = webex;
	}

	RequesterZone of(String personId) {
		RequesterZone cached = this.zones.getIfPresent(personId);
		if (cached != null) {
			return cached;
		}
		Person person;
		try {
			person = this.webex.person(personId);
		}
		catch (WebexException ex) {
			logger.info("Could not read the time zone of person {} (status {}); using UTC", personId, ex.status());
			return RequesterZone.UTC;
		}
		RequesterZone zone = RequesterZone.UTC;
		if (person != null && person.timezone() != null && !person.timezone().isBlank()) {
			try {
				zone = new RequesterZone(ZoneId.of(person.timezone()), true);
			}
			catch (DateTimeException ex) {
				logger.info("Person {} has a time zone Java does not know; using UTC", personId);
			}
		}
		this.zones.put(personId, zone);
		return zone;
	}

	/**
	 * A requester's time zone and where it came from.
	 *
	 * @param zone the zone
	 * @param fromProfile whether the person's Webex profile names it (otherwise UTC)
	 */
	record RequesterZone(ZoneId zone, boolean fromProfile) {

		static final RequesterZone UTC = new RequesterZone(ZoneId.of("UTC"), false);

	}

}
