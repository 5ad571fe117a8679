package io.github.recordingbot.conversation;

import java.util.Map;

/**
 * A chat event with what Webex's API says about it: who sent it, where, and what it says.
 *
 * @param event the event as the transport delivered it
 * @param personId the sender, from the API
 * @param personEmail the sender's e-mail, from the API
 * @param roomType {@code direct} or {@code group}
 * @param text the message text (messages only)
 * @param inputs the submitted inputs (card actions only)
 * @param hasFiles whether the message carries files (messages only)
 */
record Inbound(ChatEvent event, String personId, String personEmail, String roomType, String text,
		Map<String, Object> inputs, boolean hasFiles) {

	boolean isDirect() {
		return "direct".equals(this.roomType);
	}

}
