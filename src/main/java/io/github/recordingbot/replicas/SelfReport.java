package io.github.recordingbot.replicas;

/**
 * What this replica says about itself in its heartbeat, from what it knows without asking
 * Webex; the status feature provides it.
 */
public interface SelfReport {

	/** How the bot gets chat now: webhook, websocket or demo. */
	String mode();

	/** {@code ok}, or in a few words what needs the operator. */
	String health();

}
