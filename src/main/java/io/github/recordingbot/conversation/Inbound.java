package io.github.recordingbot.conversation;

import java.util.Map;

/**
 * A chat event with what Webex's API says about it: who sent it, where, and what it says.
 *
 * @param event the event as the transport delivered it
 * @param personId the sender, from the API
 * @param personEmail the sender's e-mail, from the API
 * @param roomId the room the message or card action is in, from the API: the only room
 * the bot answers in; {@code null} when unknown
 * @param roomType {@code direct} or {@code group}, from the API; {@code null} when
 * unknown
 * @param text the message text (messages only)
 * @param inputs the submitted inputs (card actions only)
 * @param hasFiles whether the message carries files (messages only)
 */
record Inbound(ChatEvent event, String personId, String personEmail, String roomId, String roomType, String text,
		Map<String, Object> inputs, boolean hasFiles) {

	/** Nothing is known but the event: Webex could not be asked. */
	static Inbound unresolved(ChatEvent event) {
		return new Inbound(event, event.personId(), event.personEmail(), null, null, null, null, false);
	}

	boolean isDirect() {
		return "direct".equals(this.roomType);
	}

}
