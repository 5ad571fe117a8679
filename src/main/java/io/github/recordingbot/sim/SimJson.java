package io.github.recordingbot.sim;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.recordingbot.sim.SampleOrg.Instance;
import io.github.recordingbot.sim.SampleOrg.Person;
import io.github.recordingbot.sim.SampleOrg.Recording;
import io.github.recordingbot.sim.SampleOrg.Series;

/**
 * The sample organization as Webex JSON, with the fields of the real API's examples.
 */
final class SimJson {

	static final String SITE = "demo-example.webex.com";

	static final String ORG_ID = SampleOrg.id("ORGANIZATION", SampleOrg.uuid("org"));

	private SimJson() {
	}

	static Map<String, Object> person(Person person) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", person.id());
		json.put("emails", List.of(person.email()));
		json.put("phoneNumbers", List.of());
		json.put("displayName", person.displayName());
		json.put("nickName", person.firstName());
		json.put("firstName", person.firstName());
		json.put("lastName", person.lastName());
		json.put("orgId", ORG_ID);
		json.put("created", "2024-01-15T09:00:00.000Z");
		json.put("status", "active");
		json.put("type", person.type());
		return json;
	}

	static Map<String, Object> room(String roomId, Person person) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", roomId);
		json.put("title", person.displayName());
		json.put("type", "direct");
		json.put("isLocked", false);
		json.put("creatorId", person.id());
		json.put("created", "2024-01-15T09:00:00.000Z");
		return json;
	}

	/** A series as {@code GET /meetings?meetingNumber=…} lists it. */
	static Map<String, Object> series(Series series) {
		Map<String, Object> json = meeting(series.id(), series, "meetingSeries", "active", series.created(),
				series.created().plusSeconds(3600));
		json.put("meetingNumber", series.meetingNumber());
		json.put("webLink", "https://" + SITE + "/" + SITE.split("\\.")[0] + "/j.php?MTID=" + series.id());
		return json;
	}

	/** An ended instance: no meeting number, as the real API. */
	static Map<String, Object> instance(Series series, Instance instance) {
		Map<String, Object> json = meeting(instance.id(), series, "meeting", "ended", instance.start(), instance.end());
		json.put("meetingSeriesId", series.id());
		json.put("hasRecording", !instance.recordings().isEmpty());
		return json;
	}

	private static Map<String, Object> meeting(String id, Series series, String meetingType, String state,
			Instant start, Instant end) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", id);
		json.put("title", series.title());
		json.put("meetingType", meetingType);
		json.put("state", state);
		json.put("timezone", "UTC");
		json.put("start", start.toString());
		json.put("end", end.toString());
		json.put("hostUserId", series.host().id());
		json.put("hostDisplayName", series.host().displayName());
		json.put("hostEmail", series.host().email());
		json.put("siteUrl", SITE);
		json.put("scheduledType", series.scheduledType());
		json.put("hasRecording", true);
		return json;
	}

	/** An item of {@code GET /recordings}: no temporary links there. */
	static Map<String, Object> recordingItem(Series series, Recording recording) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", recording.id());
		json.put("meetingId", recording.instanceId());
		json.put("scheduledMeetingId",
				series.id() + "_" + recording.timeRecorded().toString().substring(0, 10).replace("-", "") + "T100000Z");
		json.put("meetingSeriesId", series.id());
		json.put("topic", recording.topic());
		json.put("createTime", recording.createTime().toString());
		json.put("timeRecorded", recording.timeRecorded().toString());
		json.put("siteUrl", SITE);
		json.put("hostEmail", series.host().email());
		json.put("downloadUrl", "https://" + SITE + "/lsr.php?RCID=" + recording.id());
		json.put("playbackUrl", "https://" + SITE + "/ldr.php?RCID=" + recording.id());
		json.put("format", "MP4");
		json.put("serviceType", "MeetingCenter");
		json.put("durationSeconds", recording.durationSeconds());
		json.put("sizeBytes", recording.durationSeconds() * 1000);
		json.put("status", "available");
		return json;
	}

	/**
	 * {@code GET /recordings/{id}}: with temporary links to files the simulator serves
	 * itself.
	 */
	static Map<String, Object> recordingDetails(Series series, Recording recording, String baseUrl, Instant now) {
		Map<String, Object> json = recordingItem(series, recording);
		json.remove("hostEmail");
		json.put("password", "********");
		json.put("shareToMe", false);
		Map<String, Object> links = new LinkedHashMap<>();
		links.put("recordingDownloadLink", fileLink(baseUrl, recording, "video"));
		links.put("audioDownloadLink", fileLink(baseUrl, recording, "audio"));
		links.put("transcriptDownloadLink", fileLink(baseUrl, recording, "transcript"));
		links.put("expiration", now.plusSeconds(3 * 3600).toString());
		json.put("temporaryDirectDownloadLinks", links);
		return json;
	}

	/**
	 * Like Webex's links: a servlet path without a file name, and a ticket in the query.
	 */
	static String fileLink(String baseUrl, Recording recording, String kind) {
		return baseUrl + "/sim/files/" + recording.id() + "/" + kind + "?ticket="
				+ SampleOrg.uuid("ticket:" + recording.id()) + "&siteurl=" + SITE;
	}

	static Map<String, Object> personalRoom(Person person) {
		Map<String, Object> telephony = new LinkedHashMap<>();
		telephony.put("accessCode", person.personalRoomNumber());
		telephony.put("callInNumbers",
				List.of(Map.of("label", "US Toll", "callInNumber", "123456789", "tollType", "toll")));
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("topic", person.firstName() + "'s Personal Room");
		json.put("hostPin", "4325");
		json.put("enabledAutoLock", false);
		json.put("autoLockMinutes", 10);
		json.put("enabledNotifyHost", true);
		json.put("supportCoHost", false);
		json.put("coHosts", List.of());
		json.put("personalMeetingRoomLink", "https://" + SITE + "/meet/" + person.email().split("@")[0]);
		json.put("sipAddress", person.email());
		json.put("telephony", telephony);
		return json;
	}

	/** Webex's error body. */
	static Map<String, Object> error(String message, String trackingId) {
		return Map.of("message", message, "errors", List.of(Map.of("description", message)), "trackingId", trackingId);
	}

}
