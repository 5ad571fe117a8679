package io.github.recordingbot.conversation;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The door every transport hands its events to: drops the bot's own events, other bots'
 * and duplicates before any Webex call, and queues the rest on a bounded executor.
 */
@Component
public class ChatEvents {

	private static final Logger logger = LoggerFactory.getLogger(ChatEvents.class);

	private final BotIdentity identity;

	private final Conversation conversation;

	private final ThreadPoolExecutor executor;

	private final SeenEvents seen;

	ChatEvents(BotIdentity identity, Conversation conversation,
			@Qualifier("chatEventExecutor") ThreadPoolExecutor executor, SeenEvents seen) {
		this.identity = identity;
		this.conversation = conversation;
		this.executor = executor;
		this.seen = seen;
	}

	/**
	 * Accepts an event for processing.
	 * @param event the event
	 * @return what became of it
	 */
	public Receipt submit(ChatEvent event) {
		// What the delivery says about the sender; Conversation asks again with what the
		// API says, for deliveries that name no address (card actions).
		if (this.identity.isBot(event.personId(), event.personEmail())) {
			return Receipt.IGNORED;
		}
		try {
			if (!this.seen.firstSighting(event)) {
				logger.debug("Dropped duplicate event {}", event.eventId());
				return Receipt.DUPLICATE;
			}
		}
		catch (DataAccessException ex) {
			// Not known whether another replica has it: Webex delivers it again later.
			logger.warn("Could not record event {} as seen; answered busy: {}", event.eventId(), ex.toString());
			return Receipt.BUSY;
		}
		try {
			this.executor.execute(this.seen.handling(event, this.conversation::handle));
			return Receipt.ACCEPTED;
		}
		catch (RejectedExecutionException ex) {
			// Forget it, so that Webex's next delivery of the same event is not taken for
			// a duplicate.
			forget(event);
			logger.warn("Work queue is full ({} queued); answered busy", this.executor.getQueue().size());
			return Receipt.BUSY;
		}
	}

	private void forget(ChatEvent event) {
		try {
			this.seen.forget(event);
		}
		catch (DataAccessException ex) {
			logger.warn("Could not forget event {}; its next delivery will be taken for a duplicate: {}",
					event.eventId(), ex.toString());
		}
	}

	/** Events waiting for a worker. */
	public int queued() {
		return this.executor.getQueue().size();
	}

	/** The receipt the door gives a transport for an event: what became of it. */
	public enum Receipt {

		/** Queued for processing. */
		ACCEPTED,

		/** The bot's own or another bot's event: nothing to do. */
		IGNORED,

		/** Seen in the last hour: nothing to do. */
		DUPLICATE,

		/** The queue is full: the transport should ask Webex to come back later. */
		BUSY

	}

}
