package io.github.recordingbot.webex;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The Webex REST resources the bot reads and writes, as records shaped like the API's
 * JSON. Unknown fields are ignored: Webex adds fields over time.
 */
public final class WebexModels {

	private WebexModels() {
	}

	/**
	 * {@code GET /people/{id}} and {@code /people/me}; {@code timezone} is the IANA zone
	 * of the person's profile, absent when none is configured.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Person(String id, List<String> emails, String displayName, String orgId, String type,
			String timezone) {

		/** The first e-mail, or {@code null}. */
		public String primaryEmail() {
			return (this.emails != null && !this.emails.isEmpty()) ? this.emails.get(0) : null;
		}

	}

	/** {@code GET /messages/{id}}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Message(String id, String roomId, String roomType, String text, String personId, String personEmail,
			List<String> files, Instant created) {
	}

	/** {@code GET /attachment/actions/{id}}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record AttachmentAction(String id, String type, String messageId, String personId, String roomId,
			Map<String, Object> inputs, Instant created) {
	}

	/** {@code GET /rooms/{id}}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Room(String id, String type) {
	}

	/** {@code POST /messages} body. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record NewMessage(String roomId, String toPersonId, String markdown, List<Attachment> attachments,
			String toPersonEmail) {

		public NewMessage(String roomId, String toPersonId, String markdown, List<Attachment> attachments) {
			this(roomId, toPersonId, markdown, attachments, null);
		}

		/** A 1-1 message to a person named by e-mail. */
		public static NewMessage toPersonEmail(String email, String markdown) {
			return new NewMessage(null, null, markdown, null, email);
		}

	}

	/** A card attached to a message. */
	public record Attachment(String contentType, Object content) {

		public static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

		public static Attachment adaptiveCard(Object card) {
			return new Attachment(ADAPTIVE_CARD, card);
		}

	}

	/** A meeting series, scheduled meeting or instance from {@code GET /meetings}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Meeting(String id, String meetingSeriesId, String meetingNumber, String title, String meetingType,
			String state, Instant start, Instant end, String hostUserId, String hostEmail, String hostDisplayName,
			String scheduledType) {

		/** The id of the series this meeting belongs to. */
		public String seriesId() {
			return (this.meetingSeriesId != null) ? this.meetingSeriesId : this.id;
		}

	}

	/** A recording from {@code GET /recordings} or {@code GET /recordings/{id}}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Recording(String id, String meetingId, String meetingSeriesId, String topic, Instant createTime,
			Instant timeRecorded, String hostEmail, Long durationSeconds, String format, String status,
			TemporaryLinks temporaryDirectDownloadLinks) {
	}

	/** The temporary links that only the recording details carry. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record TemporaryLinks(String recordingDownloadLink, String audioDownloadLink, String transcriptDownloadLink,
			Instant expiration) {
	}

	/** {@code GET /meetingPreferences/personalMeetingRoom}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record PersonalMeetingRoom(String topic, String personalMeetingRoomLink, Telephony telephony) {

		/** The personal room's meeting number, or {@code null}. */
		public String accessCode() {
			return (this.telephony != null) ? this.telephony.accessCode() : null;
		}

	}

	/** Telephony block of a personal room. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Telephony(String accessCode) {
	}

	/** A webhook registration. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Webhook(String id, String name, String targetUrl, String resource, String event, String filter,
			String secret, String status, Instant created) {
	}

	/** A list response: {@code {"items": [...]}}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Items<T>(List<T> items) {
	}

}
