package io.github.recordingbot.websocket;

import java.time.Instant;

/**
 * A snapshot of the websocket transport for the status page.
 *
 * @param mode {@code webhook} or {@code websocket} ({@code BOT_MODE})
 * @param state where the connection stands
 * @param connectedSince when the current connection was authorized, or {@code null}
 * @param reconnects how many times the bot reconnected since startup
 * @param lastFrame when the last frame arrived, or {@code null}
 * @param lastClose the last close code and reason or error, or {@code null}
 */
public record WebsocketStatus(String mode, State state, Instant connectedSince, long reconnects, Instant lastFrame,
		String lastClose) {

	/** Where the connection stands. */
	public enum State {

		/** Webhook mode: no websocket. */
		DISABLED,

		/** Registering the device or opening the websocket. */
		CONNECTING,

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
