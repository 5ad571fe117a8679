package io.github.recordingbot.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;

import io.github.recordingbot.webex.Backoff;
import io.github.recordingbot.webex.Sleeper;
import io.github.recordingbot.conversation.ChatEvents;
import io.github.recordingbot.conversation.ChatEvents.Receipt;
import io.github.recordingbot.websocket.DeviceRegistry.Device;
import io.github.recordingbot.websocket.MercurySession.End;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Keeps the bot connected to Mercury for as long as it runs: registers the device, opens
 * one session at a time, and after a session ends decides whether to reconnect,
 * re-register or stop (by the close code, as webex-js-sdk does), waiting with exponential
 * backoff in between. {@link WebsocketHolder} starts one while this replica may hold the
 * websocket and stops it when it may no longer.
 */
class MercuryClient {

	private static final Logger logger = LoggerFactory.getLogger(MercuryClient.class);

	private static final Duration STOP_WAIT = Duration.ofSeconds(5);

	private final DeviceRegistry registry;

	private final ChatEvents events;

	private final WebsocketProperties properties;

	private final WebsocketMonitor monitor;

	private final String botToken;

	private final HttpClient http;

	private final ScheduledExecutorService scheduler;

	private final Sleeper sleeper;

	private final Clock clock;

	private final ActivityMapper mapper;

	private final Backoff backoff;

	private volatile boolean running;

	private volatile Thread thread;

	private volatile MercurySession current;

	MercuryClient(DeviceRegistry registry, ChatEvents events, WebsocketProperties properties, WebsocketMonitor monitor,
			String botToken, HttpClient http, ScheduledExecutorService scheduler, Sleeper sleeper, Clock clock) {
		this.registry = registry;
		this.events = events;
		this.properties = properties;
		this.monitor = monitor;
		this.botToken = botToken;
		this.http = http;
		this.scheduler = scheduler;
		this.sleeper = sleeper;
		this.clock = clock;
		this.mapper = new ActivityMapper(registry::cluster);
		this.backoff = Backoff.exponential(properties.backoffMin(), properties.backoffMax());
	}

	/** Connects on a thread of its own. */
	void start() {
		if (this.botToken == null) {
			// A missing credential does not stop the bot; the status page and the log say
			// what is missing.
			logger.warn("BOT_MODE=websocket but BOT_ACCESS_TOKEN is not set: not connecting");
			this.monitor.stopped("BOT_ACCESS_TOKEN is not set");
			return;
		}
		try {
			this.registry.checkCatalog();
		}
		catch (TrustedHosts.UntrustedHostException ex) {
			logger.warn("BOT_MODE=websocket but not connecting: {}; the bot token was not sent", ex.getMessage());
			this.monitor.stopped("refused: " + ex.getMessage());
			return;
		}
		this.running = true;
		Thread worker = new Thread(this::run, "mercury");
		worker.setDaemon(true);
		this.thread = worker;
		worker.start();
	}

	/**
	 * Closes the websocket and returns once the connecting thread ended (or after a few
	 * seconds), so that the next holder never overlaps with this one.
	 */
	void stop() {
		this.running = false;
		MercurySession session = this.current;
		if (session != null) {
			session.close(1000, "done");
			session.awaitClosed();
		}
		Thread worker = this.thread;
		if (worker != null) {
			worker.interrupt();
			try {
				worker.join(STOP_WAIT.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.scheduler.shutdownNow();
	}

	boolean isRunning() {
		return this.running;
	}

	private void run() {
		Device device = null;
		boolean replace = false;
		BackOffExecution waits = this.backoff.start();
		while (this.running) {
			String outcome;
			try {
				this.monitor.connecting();
				if (device == null || replace) {
					device = replace ? this.registry.replace(device) : this.registry.register();
					replace = false;
				}
				MercurySession session = new MercurySession(this.botToken, this::onActivity, this.monitor::frame,
						this::onAuthorized, this.scheduler, this.properties);
				this.current = session;
				if (!this.running) {
					// stop() ran meanwhile and found no session to close
					break;
				}
				End end = session.open(this.http, connectUri(device)).get();
				this.current = null;
				if (session.authorized()) {
					waits = this.backoff.start();
				}
				outcome = end.describe();
				switch (next(end)) {
					case STOP -> {
						logger.warn("Websocket {}; not reconnecting (another connection replaced this one, or "
								+ "Webex forbids it)", outcome);
						this.monitor.stopped(outcome);
						this.running = false;
						return;
					}
					case REREGISTER -> {
						logger.info("Websocket {}; registering a new device", outcome);
						replace = true;
					}
					case RECONNECT -> logger.info("Websocket {}; reconnecting", outcome);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (ExecutionException ex) {
				outcome = "failed: " + ex.getCause().getClass().getSimpleName();
			}
			catch (TrustedHosts.UntrustedHostException ex) {
				outcome = "refused: " + ex.getMessage();
				logger.warn("Websocket registration refused: {}; the bot token was not sent", ex.getMessage());
			}
			catch (RestClientResponseException ex) {
				outcome = "registration answered " + ex.getStatusCode().value();
				logger.warn("Websocket device registration answered {}{}", ex.getStatusCode().value(),
						(ex.getStatusCode().value() == 401) ? "; check BOT_ACCESS_TOKEN" : "");
			}
			catch (RuntimeException ex) {
				outcome = "registration failed: " + ex.getClass().getSimpleName();
				logger.warn("Websocket device registration failed: {}", ex.getMessage());
			}
			if (!this.running) {
				break;
			}
			Duration wait = Duration.ofMillis(waits.nextBackOff());
			this.monitor.waiting(outcome);
			try {
				this.sleeper.sleep(wait);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		this.monitor.stopped("shut down");
	}

	private void onAuthorized() {
		logger.info("Websocket connected");
		this.monitor.connected();
	}

	private void onActivity(JsonNode activity) {
		if (!this.running) {
			return;
		}
		this.mapper.toEvent(activity, this.clock.instant()).ifPresent((event) -> {
			// Webex does not deliver a websocket frame again, so a full queue loses the
			// event; say so.
			if (this.events.submit(event) == Receipt.BUSY) {
				logger.warn("Work queue full; dropped websocket event {}", event.eventId());
			}
		});
	}

	/**
	 * What to do after a session ended: 4000 means another connection took this
	 * registration over and 4403 that Webex forbids it, so reconnecting would only fight;
	 * 4401, 4400 and a 404 on the handshake mean the registration is stale; everything
	 * else is transient.
	 */
	static Next next(End end) {
		if (end.handshakeStatus() == 404) {
			return Next.REREGISTER;
		}
		return switch (end.code()) {
			case 4000, 4403 -> Next.STOP;
			case 4400, 4401 -> Next.REREGISTER;
			default -> Next.RECONNECT;
		};
	}

	/**
	 * The webSocketUrl with the options webex-js-sdk and the Go SDK send (text frames,
	 * buffered states).
	 */
	static URI connectUri(Device device) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(device.webSocketUrl());
		if (device.webSocketUrl().indexOf('?') < 0) {
			uri.queryParam("outboundWireFormat", "text")
				.queryParam("bufferStates", "true")
				.queryParam("aliasHttpStatus", "true");
		}
		return uri.build().toUri();
	}

	/** What the client does after a session ended. */
	enum Next {

		RECONNECT, REREGISTER, STOP

	}

}
