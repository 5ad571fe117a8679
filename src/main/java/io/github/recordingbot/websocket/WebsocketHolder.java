package io.github.recordingbot.websocket;

import java.util.function.Function;
import java.util.function.Supplier;

import io.github.recordingbot.replicas.Leadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

/**
 * Runs the websocket while this process may hold it: from startup on a single node (H2),
 * and while it leads on a PostgreSQL shared by replicas, so that exactly one replica
 * answers from the websocket. Each term gets a fresh {@link MercuryClient}; a term ends
 * by closing its websocket before the lock is released or another term starts.
 */
class WebsocketHolder implements SmartLifecycle, Leadership.Candidate {

	private static final Logger logger = LoggerFactory.getLogger(WebsocketHolder.class);

	private final Supplier<MercuryClient> clients;

	private final Leadership leadership;

	private final WebsocketMonitor monitor;

	private final String instance;

	private MercuryClient client;

	private volatile boolean running;

	/**
	 * @param clients a new client for each term
	 * @param leadership how this replica becomes leader, or {@code null} on a single
	 * node, which holds the websocket from the start
	 * @param monitor the state for the status page
	 * @param instance this replica's name on the status page of the others
	 */
	WebsocketHolder(Supplier<MercuryClient> clients, Function<Leadership.Candidate, Leadership> leadership,
			WebsocketMonitor monitor, String instance) {
		this.clients = clients;
		this.leadership = (leadership != null) ? leadership.apply(this) : null;
		this.monitor = monitor;
		this.instance = instance;
	}

	@Override
	public void start() {
		this.running = true;
		if (this.leadership == null) {
			startClient();
		}
		else {
			this.leadership.start();
		}
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.leadership == null) {
			stopClient();
		}
		else {
			this.leadership.stop();
		}
	}

	/**
	 * Not with the context: the connection starts once the bot is ready, so that device
	 * registration and the websocket handshake do not compete with startup.
	 */
	@Override
	public boolean isAutoStartup() {
		return false;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		start();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public void granted() {
		this.monitor.leading(this.instance);
		startClient();
	}

	@Override
	public void revoked(String reason) {
		stopClient();
		if (this.running) {
			logger.warn("Websocket closed: this replica no longer holds it ({})", reason);
			this.monitor.standingBy(null, "stopped holding the websocket: " + reason);
		}
	}

	@Override
	public void standingBy(String holder, String problem) {
		this.monitor.standingBy(holder, problem);
	}

	private synchronized void startClient() {
		if (this.client == null) {
			this.client = this.clients.get();
			this.client.start();
		}
	}

	private synchronized void stopClient() {
		if (this.client != null) {
			this.client.stop();
			this.client = null;
		}
	}

}
