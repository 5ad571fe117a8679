package io.github.recordingbot.conversation;

import java.time.Duration;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.recordingbot.webex.WebexClient;
import io.github.recordingbot.webex.WebexModels.AttachmentAction;
import io.github.recordingbot.webex.WebexModels.Message;
import io.github.recordingbot.webex.WebexModels.Person;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Treats an event as a pointer and fetches what it points to with the bot token: the
 * message or the card action, and when the event does not say, the sender's e-mail. The
 * room and its type always come from Webex: the message's own {@code roomId} and
 * {@code roomType}, and for a card action (whose record has no {@code roomType})
 * {@code GET /rooms/{id}} of the action's room. A delivery naming another room or
 * claiming {@code direct} changes nothing. People and room types are cached per process,
 * filled only from API answers; they rarely change and losing them costs one call.
 *
 * @see <a href="https://developer.webex.com/docs/api/v1/messages/get-message-details">Get
 * Message Details</a>
 * @see <a href=
 * "https://developer.webex.com/docs/api/v1/attachment-actions/get-attachment-action-details">Get
 * Attachment Action Details</a>
 * @see <a href="https://developer.webex.com/docs/api/v1/rooms/get-room-details">Get Room
 * Details</a>
 */
@Component
class InboundResolver {

	private final WebexClient webex;

	private final Cache<String, String> emails = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofHours(1))
		.maximumSize(10_000)
		.build();

	private final Cache<String, Person> people = Caffeine.newBuilder()
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
		String roomType = message.roomType();
		if (message.roomId() != null && roomType != null) {
			this.roomTypes.put(message.roomId(), roomType);
		}
		else {
			roomType = roomType(message.roomId());
		}
		if (message.personId() != null && message.personEmail() != null) {
			this.emails.put(message.personId(), message.personEmail());
		}
		boolean hasFiles = message.files() != null && !message.files().isEmpty();
		return new Inbound(event, message.personId(), message.personEmail(), message.roomId(), roomType, message.text(),
				Map.of(), hasFiles);
	}

	private Inbound fromCardAction(ChatEvent event, AttachmentAction action) {
		String email = this.emails.get(action.personId(), (id) -> person(id).primaryEmail());
		Map<String, Object> inputs = (action.inputs() != null) ? action.inputs() : Map.of();
		return new Inbound(event, action.personId(), email, action.roomId(), roomType(action.roomId()), null, inputs,
				false);
	}

	/**
	 * The person as {@code GET /people/{id}} says, cached like e-mails: a card action
	 * fills it, so a later question about the sender (such as the time zone) costs no
	 * call.
	 */
	Person person(String personId) {
		return this.people.get(personId, this.webex::person);
	}

	/** The room's type as Webex says; {@code null} (not direct) for an unknown room. */
	private @Nullable String roomType(String roomId) {
		if (roomId == null) {
			return null;
		}
		return this.roomTypes.get(roomId, (key) -> this.webex.room(key).type());
	}

}
