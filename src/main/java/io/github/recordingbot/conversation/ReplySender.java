package io.github.recordingbot.conversation;

import java.util.List;

import io.github.recordingbot.card.Reply;
import io.github.recordingbot.webex.WebexClient;
import io.github.recordingbot.webex.WebexException;
import io.github.recordingbot.webex.WebexModels.Attachment;
import io.github.recordingbot.webex.WebexModels.NewMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Posts a reply into the room the request came from, as Webex reports it. A failed post
 * is logged, not repeated: a blind retry could post the links twice.
 */
@Component
class ReplySender {

	private static final Logger logger = LoggerFactory.getLogger(ReplySender.class);

	private final WebexClient webex;

	ReplySender(WebexClient webex) {
		this.webex = webex;
	}

	void send(String roomId, Reply reply, String requestId) {
		if (roomId == null) {
			logger.warn("Request {} has no room to answer in", requestId);
			return;
		}
		List<Attachment> attachments = (reply.card() != null) ? List.of(Attachment.adaptiveCard(reply.card())) : null;
		try {
			this.webex.postMessage(new NewMessage(roomId, null, reply.markdown(), attachments));
		}
		catch (WebexException ex) {
			logger.warn("Could not post the reply to request {} (status {}, trackingId {})", requestId, ex.status(),
					ex.trackingId());
		}
	}

}
