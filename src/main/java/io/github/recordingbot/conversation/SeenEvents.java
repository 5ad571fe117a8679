package io.github.recordingbot.conversation;

import java.util.List;
import java.util.function.Consumer;

/**
 * The events already taken in within the de-duplication window, so that a redelivery
 * (Webex retries, or sends one event to every replica that a load balancer picks) is
 * answered once. In memory for one process, in the database for replicas on PostgreSQL
 * ({@link SeenEventsConfiguration}).
 *
 * <p>
 * In the database the record of an event is also an inbox: it carries what it takes to
 * handle the event again and who took it when, so that an event acknowledged by a replica
 * that dies before answering is finished by another one ({@link SeenEventsRecovery}).
 */
interface SeenEvents {

	/**
	 * Records the event if it was not seen within the window, or if the replica that took
	 * it has held it longer than the lease without finishing it.
	 * @param event the event
	 * @return whether this call recorded it: the caller handles it, every other caller
	 * drops it
	 */
	boolean firstSighting(ChatEvent event);

	/**
	 * Renews this replica's hold on the event as a worker starts on it: the lease then
	 * counts the work, not the time the event waited in the queue. Never throws: when the
	 * database cannot say, the worker goes ahead.
	 * @param event the event
	 * @return {@code false} when another replica took the event over meanwhile: the
	 * worker drops it
	 */
	boolean start(ChatEvent event);

	/**
	 * Records that the event was handled, so that no other replica takes it over. Never
	 * throws: a failure is logged, and the event may be handled once more.
	 * @param event the event
	 */
	void done(ChatEvent event);

	/**
	 * Forgets an event that was recorded but not taken in (the queue was full), so that
	 * Webex's next delivery of it is handled.
	 * @param event the event
	 */
	void forget(ChatEvent event);

	/**
	 * Takes over events that another replica (or this one, before a restart) took and did
	 * not finish within the lease, and that have attempts left.
	 * @param limit the most events to take
	 * @return the events, now held by this replica
	 */
	List<ChatEvent> takeOverUnfinished(int limit);

	/**
	 * Closes the events that were taken as often as allowed and still not finished.
	 * @param limit the most events to close
	 * @return the events, now closed
	 */
	List<ChatEvent> giveUpExhausted(int limit);

	/**
	 * The work a chat worker does for an event this replica took: start, handle, record
	 * as done.
	 * @param event the event
	 * @param handler what handles it; never throws
	 * @return the work
	 */
	default Runnable handling(ChatEvent event, Consumer<ChatEvent> handler) {
		return () -> {
			if (start(event)) {
				handler.accept(event);
				done(event);
			}
		};
	}

	/** The key an event is recorded under: its kind and id. */
	static String key(ChatEvent event) {
		return event.kind() + ":" + event.eventId();
	}

}
