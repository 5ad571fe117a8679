package io.github.recordingbot.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.recordingbot.sim.SampleOrg.Instance;
import io.github.recordingbot.sim.SampleOrg.Scheduled;
import io.github.recordingbot.sim.SampleOrg.Series;

/**
 * Sample meetings as Webex JSON: the admin shape
 * ({@code MeetingObjectForAdminListMeeting} of the OpenAPI spec, without the attributes
 * List Meetings By an Admin hides) and the user-level shapes
 * ({@code MeetingObjectForListMeeting}, {@code MeetingSeriesObject}), each with its
 * required fields and no field its schema lacks.
 *
 * @see <a href=
 * "https://developer.webex.com/docs/api/v1/meetings/list-meetings-by-an-admin">List
 * Meetings By an Admin</a>
 */
final class MeetingJson {

	private MeetingJson() {
	}

	/**
	 * A series as {@code /admin/meetings} answers it. A series never says it is a
	 * personal room: only its scheduled meetings do.
	 */
	static Map<String, Object> adminSeries(Series series) {
		String state = (series.upcoming() != null) ? "active" : "expired";
		Map<String, Object> json = common(series.id(), series.id(), series, "meetingSeries", state);
		json.put("meetingNumber", series.meetingNumber());
		times(json, series.created(), series.created().plus(duration(series)));
		if (series.upcoming() != null) {
			// every other day, like the sample instances
			json.put("recurrence", "FREQ=DAILY;INTERVAL=2");
		}
		json.put("scheduledType", "webinar".equals(series.scheduledType()) ? "webinar" : "meeting");
		return tail(json);
	}

	/** A scheduled meeting (upcoming, or ended) as {@code /admin/meetings} answers it. */
	static Map<String, Object> adminScheduled(Scheduled scheduled) {
		Series series = scheduled.series();
		Map<String, Object> json = common(scheduled.id(), series.id(), series, "scheduledMeeting",
				scheduled.ended() ? "ended" : "scheduled");
		json.put("meetingNumber", series.meetingNumber());
		json.put("isModified", false);
		times(json, scheduled.start(), scheduled.start().plus(duration(series)));
		json.put("scheduledType", series.scheduledType());
		return tail(json);
	}

	/**
	 * An ended instance as {@code /admin/meetings/{id}} answers it: no meeting number.
	 */
	static Map<String, Object> adminInstance(Series series, Instance instance) {
		Map<String, Object> json = common(instance.id(), series.id(), series, "meeting", "ended");
		json.put("scheduledMeetingId", instance.scheduledMeetingId());
		times(json, instance.start(), instance.end());
		json.put("scheduledType", series.scheduledType());
		json.put("hasRecording", !instance.recordings().isEmpty());
		return tail(json);
	}

	/**
	 * The user-level shape of an admin answer: as the host sees it, with the password,
	 * host key, web link and access code that the admin shape hides.
	 * @param admin the admin shape
	 * @param series the meeting's series
	 * @param seriesObject whether the schema is {@code MeetingSeriesObject} (Get a
	 * Meeting), which has no series, scheduled-meeting or recording fields
	 */
	/** A meeting link up to its id: {@code https://<site>/<site name>/j.php?MTID=m}. */
	static String webLinkPrefix() {
		return "https://" + SimJson.SITE + "/" + SimJson.SITE.split("\\.")[0] + "/j.php?MTID=m";
	}

	static Map<String, Object> forHost(Map<String, Object> admin, Series series, boolean seriesObject) {
		Map<String, Object> json = new LinkedHashMap<>(admin);
		json.put("password", "Sim" + series.meetingNumber().substring(0, 4));
		json.put("hostKey", series.meetingNumber().substring(3, 9));
		json.put("webLink", webLinkPrefix() + series.id());
		json.put("sipAddress", series.meetingNumber() + "@" + SimJson.SITE);
		json.put("telephony", telephony(series.meetingNumber()));
		if (seriesObject) {
			json.remove("meetingSeriesId");
			json.remove("scheduledMeetingId");
			json.remove("isModified");
			json.remove("hasRecording");
		}
		return json;
	}

	private static Map<String, Object> common(String id, String seriesId, Series series, String meetingType,
			String state) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", id);
		// Required by the schema; for a series itself it is the series' own id.
		json.put("meetingSeriesId", seriesId);
		json.put("title", series.title());
		json.put("meetingType", meetingType);
		json.put("state", state);
		json.put("timezone", "UTC");
		json.put("hostUserId", series.host().id());
		json.put("hostDisplayName", series.host().displayName());
		json.put("hostEmail", series.host().email());
		json.put("siteUrl", SimJson.SITE);
		return json;
	}

	private static void times(Map<String, Object> json, Instant start, Instant end) {
		json.put("start", start.toString());
		json.put("end", end.toString());
	}

	private static Map<String, Object> tail(Map<String, Object> json) {
		// List Meetings By an Admin hides telephony.accessCode
		json.put("telephony", Map.of("callInNumbers", callInNumbers()));
		json.put("enabledBreakoutSessions", false);
		return json;
	}

	private static Map<String, Object> telephony(String accessCode) {
		Map<String, Object> telephony = new LinkedHashMap<>();
		telephony.put("accessCode", accessCode);
		telephony.put("callInNumbers", callInNumbers());
		return telephony;
	}

	static List<Map<String, Object>> callInNumbers() {
		return List.of(Map.of("label", "US Toll", "callInNumber", "123456789", "tollType", "toll"));
	}

	private static Duration duration(Series series) {
		return series.instances().isEmpty() ? Duration.ofHours(1)
				: Duration.between(series.instances().get(0).start(), series.instances().get(0).end());
	}

}
