package io.github.recordingbot.websocket;

/**
 * Moves a {@link WebsocketMonitor} the way the transport does, for tests outside this
 * package.
 */
public final class WebsocketMonitorFixture {

	private WebsocketMonitorFixture() {
	}

	public static void connected(WebsocketMonitor monitor) {
		monitor.connected();
	}

	public static void waiting(WebsocketMonitor monitor) {
		monitor.waiting("1006 abnormal closure");
	}

}
