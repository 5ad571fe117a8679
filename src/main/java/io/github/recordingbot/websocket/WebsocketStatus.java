package io.github.recordingbot.websocket;

import java.time.Instant;
import java.util.Locale;

/**
 * A snapshot of the websocket transport for the status page.
 *
 * @param mode {@code webhook} or {@code websocket} ({@code BOT_MODE})
 * @param state where the connection stands
 * @param connectedSince when the current connection was authorized, or {@code null}
 * @param reconnects how many times the bot reconnected since startup
 * @param lastFrame when the last frame arrived, or {@code null}
 * @param lastClose the last close code and reason or error, or {@code null}
 * @param holder with replicas on PostgreSQL, the replica that holds the websocket (this
 * one while it leads, another while this one stands by), or {@code null} when unknown or
 * on a single node
 */
public record WebsocketStatus(String mode, State state, Instant connectedSince, long reconnects, Instant lastFrame,
		String lastClose, String holder) {

	/** The state as the status page shows it, naming the holder when there is one. */
	public String describe() {
		String state = this.state.name().toLowerCase(Locale.ROOT);
		if (this.state == State.STANDBY) {
			return state + ": " + ((this.holder != null) ? "replica " + this.holder : "another replica")
					+ " holds the websocket";
		}
		return (this.holder != null) ? state + " (this replica, " + this.holder + ", holds the websocket)" : state;
	}

	/**
	 * Whether the transport is where it should be: connected, or standing by while
	 * another replica holds the websocket.
	 */
	public boolean healthy() {
		return this.state == State.CONNECTED || this.state == State.STANDBY;
	}

	/** Where the connection stands. */
	public enum State {

		/** Webhook mode: no websocket. */
		DISABLED,

		/** Registering the device or opening the websocket. */
		CONNECTING,

		/**
		 * Another replica on the shared PostgreSQL holds the websocket; this one serves
		 * HTTP and takes over when that one stops.
		 */
		STANDBY,

		/** Authorized and receiving frames. */
		CONNECTED,

		/** Waiting before the next attempt. */
		WAITING,

		/**
		 * Stopped for good: replaced by another connection (4000), forbidden (4403) or
		 * shut down.
		 */
		STOPPED

	}

}
