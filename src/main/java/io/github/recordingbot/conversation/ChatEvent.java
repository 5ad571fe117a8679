package io.github.recordingbot.conversation;

import java.time.Instant;

/**
 * One thing a person did in a chat with the bot, whichever transport brought it. It
 * carries no room: a delivery is a pointer, and the room to answer in and whether it is a
 * 1-1 room come from Webex's own record of the message or card action, never from what
 * the webhook envelope or the websocket activity claims.
 *
 * @param kind what happened
 * @param eventId Webex's id of the message or card action ({@code data.id}); the
 * deduplication key
 * @param personId the sender's person id
 * @param personEmail the sender's e-mail, or {@code null} when the transport does not say
 * @param meetingInstanceId for a forwarded recording: the meeting instance it belongs to
 * @param received when the bot received it
 */
public record ChatEvent(Kind kind, String eventId, String personId, String personEmail, String meetingInstanceId,
		Instant received) {

	/** What happened. */
	public enum Kind {

		/** A text message ({@code messages/created}). */
		MESSAGE,

		/** A card was submitted ({@code attachmentActions/created}). */
		CARD_ACTION,

		/** A Space meeting recording was forwarded (websocket only). */
		SHARE

	}

}
