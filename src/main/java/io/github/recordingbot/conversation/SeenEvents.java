package io.github.recordingbot.conversation;

/**
 * The events already taken in within the de-duplication window, so that a redelivery
 * (Webex retries, or sends one event to every replica that a load balancer picks) is
 * answered once. In memory for one process, in the database for replicas on PostgreSQL
 * ({@link SeenEventsConfiguration}).
 */
interface SeenEvents {

	/**
	 * Records the event if it was not seen within the window.
	 * @param key the event's kind and id
	 * @return whether this call recorded it: the caller handles it, every other caller
	 * drops it
	 */
	boolean firstSighting(String key);

	/**
	 * Forgets an event that was recorded but not taken in (the queue was full), so that
	 * Webex's next delivery of it is handled.
	 * @param key the event's kind and id
	 */
	void forget(String key);

}
