package io.github.recordingbot.websocket;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import io.github.recordingbot.BotProperties;
import io.github.recordingbot.websocket.WebsocketStatus.State;

import org.springframework.stereotype.Component;

/**
 * Holds the websocket transport's state for the status page; present in both modes, so
 * that the page can always ask it.
 */
@Component
public class WebsocketMonitor {

	static final String WEBHOOK = "webhook";

	static final String WEBSOCKET = "websocket";

	private final Clock clock;

	private final AtomicReference<WebsocketStatus> status;

	public WebsocketMonitor(BotProperties bot, Clock clock) {
		String mode = bot.mode().name().toLowerCase(Locale.ROOT);
		this.clock = clock;
		this.status = new AtomicReference<>(new WebsocketStatus(mode,
				WEBHOOK.equals(mode) ? State.DISABLED : State.CONNECTING, null, 0, null, null, null));
	}

	/** The current state. */
	public WebsocketStatus status() {
		return this.status.get();
	}

	/** Whether the bot listens on the websocket rather than the webhook. */
	public boolean websocketMode() {
		return WEBSOCKET.equals(this.status.get().mode());
	}

	void connecting() {
		this.status.updateAndGet((s) -> new WebsocketStatus(s.mode(), State.CONNECTING, null, s.reconnects(),
				s.lastFrame(), s.lastClose(), s.holder()));
	}

	void connected() {
		this.status.updateAndGet((s) -> new WebsocketStatus(s.mode(), State.CONNECTED, this.clock.instant(),
				s.reconnects(), s.lastFrame(), s.lastClose(), s.holder()));
	}

	void frame() {
		this.status.updateAndGet((s) -> new WebsocketStatus(s.mode(), s.state(), s.connectedSince(), s.reconnects(),
				this.clock.instant(), s.lastClose(), s.holder()));
	}

	void waiting(String lastClose) {
		this.status.updateAndGet((s) -> new WebsocketStatus(s.mode(), State.WAITING, null, s.reconnects() + 1,
				s.lastFrame(), lastClose, s.holder()));
	}

	/** This replica leads: it holds the websocket, and is about to connect. */
	void leading(String instance) {
		this.status.updateAndGet((s) -> new WebsocketStatus(s.mode(), State.CONNECTING, null, s.reconnects(),
				s.lastFrame(), s.lastClose(), instance));
	}

	/**
	 * Another replica holds the websocket, or this one cannot reach the database to know.
	 * @param holder the replica that holds it, or {@code null} when unknown
	 * @param problem why this replica cannot compete, or {@code null}
	 */
	void standingBy(String holder, String problem) {
		this.status.updateAndGet((s) -> new WebsocketStatus(s.mode(), State.STANDBY, null, s.reconnects(),
				s.lastFrame(), (problem != null) ? problem : s.lastClose(), holder));
	}

	void stopped(String lastClose) {
		this.status.updateAndGet((s) -> new WebsocketStatus(s.mode(), State.STOPPED, null, s.reconnects(),
				s.lastFrame(), lastClose, s.holder()));
	}

}
