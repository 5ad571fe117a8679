package io.github.recordingbot.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

/**
 * One websocket connection to Mercury: authorizes with the bot token, acknowledges every
 * envelope by its id, pings and expects the pong, and hands activities on. It ends
 * exactly once; what the end was decides what the client does next.
 */
final class MercurySession implements WebSocket.Listener {

	private static final Logger logger = LoggerFactory.getLogger(MercurySession.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Frames are small JSON envelopes; anything larger is not Mercury talking. */
	static final int MAX_FRAME_CHARS = 1024 * 1024;

	private final String botToken;

	private final Consumer<JsonNode> activities;

	private final Runnable onFrame;

	private final Runnable onAuthorized;

	private final ScheduledExecutorService scheduler;

	private final WebsocketProperties properties;

	private final CompletableFuture<End> end = new CompletableFuture<>();

	private final StringBuilder buffer = new StringBuilder();

	private final List<ScheduledFuture<?>> timers = new CopyOnWriteArrayList<>();

	private final Object sendLock = new Object();

	private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

	private volatile WebSocket socket;

	private volatile boolean authorized;

	private volatile String pendingPing;

	MercurySession(String botToken, Consumer<JsonNode> activities, Runnable onFrame, Runnable onAuthorized,
			ScheduledExecutorService scheduler, WebsocketProperties properties) {
		this.botToken = botToken;
		this.activities = activities;
		this.onFrame = onFrame;
		this.onAuthorized = onAuthorized;
		this.scheduler = scheduler;
		this.properties = properties;
		this.end.whenComplete((result, ex) -> {
			this.timers.forEach((timer) -> timer.cancel(false));
			WebSocket ws = this.socket;
			if (ws != null && result != null && !result.local()) {
				ws.abort();
			}
		});
	}

	/**
	 * Opens the connection.
	 * @param http the client to open it with
	 * @param uri the device's {@code webSocketUrl}
	 * @return completes once, when the connection has ended for whatever reason
	 */
	CompletableFuture<End> open(HttpClient http, URI uri) {
		http.newWebSocketBuilder()
			.header("Authorization", "Bearer " + this.botToken)
			.connectTimeout(Duration.ofSeconds(10))
			.buildAsync(uri, this)
			.whenComplete((ws, ex) -> {
				if (ex != null) {
					this.end.complete(End.failed(unwrap(ex)));
				}
			});
		return this.end;
	}

	/** Whether Mercury answered the authorization: the connection worked. */
	boolean authorized() {
		return this.authorized;
	}

	/**
	 * Closes from our side, for example when the pong does not come or the bot shuts
	 * down.
	 */
	void close(int code, String reason) {
		if (!this.end.complete(End.closed(code, reason, true))) {
			return;
		}
		WebSocket ws = this.socket;
		if (ws == null) {
			return;
		}
		synchronized (this.sendLock) {
			this.lastSend = this.lastSend.handle((ok, ex) -> null)
				.thenCompose((ignored) -> ws.sendClose(code, reason))
				.orTimeout(2, TimeUnit.SECONDS)
				.whenComplete((ok, ex) -> ws.abort());
		}
	}

	/**
	 * Waits until our close frame went out and the connection was aborted, at most a few
	 * seconds: the bot does not stop holding the websocket while it is still open.
	 */
	void awaitClosed() {
		CompletableFuture<?> closing;
		synchronized (this.sendLock) {
			closing = this.lastSend;
		}
		try {
			closing.get(3, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			// aborted anyway (close() gives the close frame 2 s)
		}
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		this.socket = webSocket;
		if (this.end.isDone()) {
			// closed before it opened (the bot stopped, or stopped holding the websocket)
			webSocket.abort();
			return;
		}
		send(Map.of("id", UUID.randomUUID().toString(), "type", "authorization", "data",
				Map.of("token", "Bearer " + this.botToken)));
		schedule(() -> {
			if (!this.authorized) {
				close(1000, "authorization not confirmed");
			}
		}, this.properties.authorizationTimeout());
		long interval = this.properties.pingInterval().toMillis();
		this.timers.add(this.scheduler.scheduleAtFixedRate(this::ping, interval, interval, TimeUnit.MILLISECONDS));
		webSocket.request(1);
	}

	@Override
	public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		if (this.buffer.length() + data.length() > MAX_FRAME_CHARS) {
			this.buffer.setLength(0);
			close(1009, "frame too large");
			return null;
		}
		this.buffer.append(data);
		if (last) {
			String frame = this.buffer.toString();
			this.buffer.setLength(0);
			handle(frame);
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.end.complete(End.closed(statusCode, reason, false));
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.end.complete(End.failed(error));
	}

	private void handle(String text) {
		if (this.end.isDone()) {
			// nothing is handed on once the session ended, e.g. by the bot's own close
			return;
		}
		JsonNode frame;
		try {
			frame = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			logger.info("Ignored a websocket frame that is not JSON");
			return;
		}
		this.onFrame.run();
		String type = frame.path("type").asString(null);
		String id = frame.path("id").asString(null);
		if ("pong".equals(type)) {
			if (id != null && id.equals(this.pendingPing)) {
				this.pendingPing = null;
			}
			return;
		}
		if (id == null) {
			return;
		}
		// Every envelope is acknowledged by its own id, as webex-js-sdk does.
		send(Map.of("messageId", id, "type", "ack"));
		if (!this.authorized) {
			this.authorized = true;
			this.onAuthorized.run();
		}
		JsonNode data = frame.path("data");
		if ("conversation.activity".equals(data.path("eventType").asString(null))) {
			try {
				this.activities.accept(data.path("activity"));
			}
			catch (RuntimeException ex) {
				logger.warn("Could not hand on activity of envelope {}", id, ex);
			}
		}
	}

	private void ping() {
		if (!this.authorized || this.end.isDone()) {
			return;
		}
		if (this.pendingPing != null) {
			return;
		}
		String id = UUID.randomUUID().toString();
		this.pendingPing = id;
		send(Map.of("id", id, "type", "ping"));
		schedule(() -> {
			if (id.equals(this.pendingPing)) {
				logger.info("No pong within {}; reconnecting", this.properties.pongTimeout());
				close(1000, "pong not received");
			}
		}, this.properties.pongTimeout());
	}

	private void schedule(Runnable task, Duration delay) {
		this.timers.add(this.scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS));
	}

	/** The JDK client allows one outstanding send at a time, so sends are chained. */
	private void send(Object frame) {
		WebSocket ws = this.socket;
		if (ws == null || this.end.isDone()) {
			return;
		}
		String text = JSON.writeValueAsString(frame);
		synchronized (this.sendLock) {
			this.lastSend = this.lastSend.handle((ok, ex) -> null).thenCompose((ignored) -> ws.sendText(text, true));
			this.lastSend.whenComplete((ok, ex) -> {
				if (ex != null) {
					this.end.complete(End.failed(unwrap(ex)));
				}
			});
		}
	}

	private static Throwable unwrap(Throwable ex) {
		return (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
	}

	/**
	 * How a connection ended.
	 *
	 * @param code the close code, or 0 when there was no close frame
	 * @param reason the close reason or the error's name
	 * @param handshakeStatus the HTTP status of a refused handshake, or 0
	 * @param local whether we closed it
	 */
	record End(int code, String reason, int handshakeStatus, boolean local) {

		static End closed(int code, String reason, boolean local) {
			return new End(code, reason, 0, local);
		}

		static End failed(Throwable error) {
			if (error instanceof WebSocketHandshakeException handshake) {
				return new End(0, "handshake refused", handshake.getResponse().statusCode(), false);
			}
			return new End(0, error.getClass().getSimpleName(), 0, false);
		}

		String describe() {
			if (this.handshakeStatus != 0) {
				return "handshake answered " + this.handshakeStatus;
			}
			return (this.code != 0) ? "closed " + this.code + " " + this.reason : "dropped (" + this.reason + ")";
		}

	}

}
