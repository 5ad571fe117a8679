package io.github.recordingbot.sim;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.recordingbot.sim.SampleOrg.Recording;
import io.github.recordingbot.sim.SampleOrg.Series;

/**
 * Sample recordings as Webex JSON, one method per schema of the OpenAPI spec: the admin
 * and Compliance Officer list item ({@code RecordingObjectForAdminAndCO}), the user-level
 * list item ({@code RecordingObject}) and the details with temporary links
 * ({@code RecordingObjectWithDirectDownloadLinks}).
 */
final class RecordingJson {

	private RecordingJson() {
	}

	/**
	 * An item of {@code GET /admin/recordings}: with the host, without password or
	 * temporary links.
	 */
	static Map<String, Object> adminItem(Series series, Recording recording) {
		Map<String, Object> json = ids(series, recording);
		json.put("hostDisplayName", series.host().displayName());
		json.put("hostEmail", series.host().email());
		return files(json, recording);
	}

	/** An item of {@code GET /recordings}: no host, no temporary links. */
	static Map<String, Object> item(Series series, Recording recording) {
		Map<String, Object> json = ids(series, recording);
		json.put("password", "********");
		json.put("shareToMe", false);
		return files(json, recording);
	}

	/**
	 * {@code GET /recordings/{id}}: with temporary links to files the simulator serves
	 * itself.
	 */
	static Map<String, Object> details(Series series, Recording recording, String baseUrl, Instant now) {
		Map<String, Object> json = item(series, recording);
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
				+ SampleOrg.uuid("ticket:" + recording.id()) + "&siteurl=" + SimJson.SITE;
	}

	private static Map<String, Object> ids(Series series, Recording recording) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", recording.id());
		json.put("meetingId", recording.instanceId());
		series.instances()
			.stream()
			.filter((i) -> i.id().equals(recording.instanceId()))
			.findFirst()
			.ifPresent((i) -> json.put("scheduledMeetingId", i.scheduledMeetingId()));
		json.put("meetingSeriesId", series.id());
		json.put("topic", recording.topic());
		json.put("createTime", recording.createTime().toString());
		json.put("timeRecorded", recording.timeRecorded().toString());
		return json;
	}

	private static Map<String, Object> files(Map<String, Object> json, Recording recording) {
		json.put("siteUrl", SimJson.SITE);
		json.put("downloadUrl", "https://" + SimJson.SITE + "/lsr.php?RCID=" + recording.id());
		json.put("playbackUrl", "https://" + SimJson.SITE + "/ldr.php?RCID=" + recording.id());
		json.put("format", "MP4");
		json.put("serviceType", "MeetingCenter");
		json.put("durationSeconds", recording.durationSeconds());
		json.put("sizeBytes", recording.durationSeconds() * 1000);
		json.put("status", "available");
		return json;
	}

}
