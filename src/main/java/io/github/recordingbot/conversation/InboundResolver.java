package io.github.recordingbot.conversation;

import java.time.Duration;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.recordingbot.webex.WebexClient;
import io.github.recordingbot.webex.WebexModels.AttachmentAction;
import io.github.recordingbot.webex.WebexModels.Message;

import org.springframework.stereotype.Component;

/**
 * Treats an event as a pointer and fetches what it points to with the bot token: the
 * message or the card action, and when the event does not say, the sender's e-mail and
 * the room type. People and room types are cached per process; they rarely change and
 * losing them costs one call.
 */
@Component
class InboundResolver {

	private final WebexClient webex;

	private final Cache<String, String> emails = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofHours(1))
		.maximumSize(10_000)
		.build();

	private final Cache<String, String> roomTypes = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofHours(6))
		.maximumSize(10_000)
		.build();

	InboundResolver(WebexClient webex) {
		this.webex = webex;
	}

	Inbound resolve(ChatEvent event) {
		return switch (event.kind()) {
			case MESSAGE, SHARE -> fromMessage(event, this.webex.message(event.eventId()));
			case CARD_ACTION -> fromCardAction(event, this.webex.attachmentAction(event.eventId()));
		};
	}

	private Inbound fromMessage(ChatEvent event, Message message) {
		String roomType = (message.roomType() != null) ? message.roomType() : roomType(event, message.roomId());
		if (message.roomId() != null && roomType != null) {
			this.roomTypes.put(message.roomId(), roomType);
		}
		if (message.personId() != null && message.personEmail() != null) {
			this.emails.put(message.personId(), message.personEmail());
		}
		boolean hasFiles = message.files() != null && !message.files().isEmpty();
		return new Inbound(event, message.personId(), message.personEmail(), roomType, message.text(), Map.of(),
				hasFiles);
	}

	private Inbound fromCardAction(ChatEvent event, AttachmentAction action) {
		String email = this.emails.get(action.personId(), (id) -> this.webex.person(id).primaryEmail());
		String roomType = roomType(event, action.roomId());
		Map<String, Object> inputs = (action.inputs() != null) ? action.inputs() : Map.of();
		return new Inbound(event, action.personId(), email, roomType, null, inputs, false);
	}

	private String roomType(ChatEvent event, String roomId) {
		if (event.roomType() != null) {
			return event.roomType();
		}
		String id = (roomId != null) ? roomId : event.roomId();
		return this.roomTypes.get(id, (key) -> this.webex.room(key).type());
	}

}
