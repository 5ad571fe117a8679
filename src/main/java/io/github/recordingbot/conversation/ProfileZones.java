package io.github.recordingbot.conversation;

import java.time.DateTimeException;
import java.time.ZoneId;

import io.github.recordingbot.recording.RequesterZones;
import io.github.recordingbot.webex.WebexException;
import io.github.recordingbot.webex.WebexModels.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Requesters' time zones from their Webex profiles ({@code timezone} of {@code GET
 * /people/{id}}, bot token), through the person cache the card actions already fill: a
 * card submit costs no extra call, a text message one. A profile without a zone, a zone
 * Java does not know, or a failed call means UTC.
 *
 * @see <a href="https://developer.webex.com/docs/api/v1/people/get-person-details">Get
 * Person Details</a>
 */
@Component
class ProfileZones implements RequesterZones {

	private static final Logger logger = LoggerFactory.getLogger(ProfileZones.class);

	private final InboundResolver people;

	ProfileZones(InboundResolver people) {
		this.people = people;
	}

	@Override
	public RequesterZone of(String personId) {
		Person person;
		try {
			person = this.people.person(personId);
		}
		catch (WebexException ex) {
			logger.info("Could not read the time zone of person {} (status {}); using UTC", personId, ex.status());
			return RequesterZone.UTC;
		}
		if (person == null || person.timezone() == null || person.timezone().isBlank()) {
			return RequesterZone.UTC;
		}
		try {
			return new RequesterZone(ZoneId.of(person.timezone()), true);
		}
		catch (DateTimeException ex) {
			logger.info("Person {} has a time zone Java does not know; using UTC", personId);
			return RequesterZone.UTC;
		}
	}

}
