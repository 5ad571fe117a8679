package io.github.recordingbot.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * A fake Mercury websocket server, small enough to read: RFC 6455 handshake and framing
 * over a plain socket, so that tests need no websocket library. It answers the
 * authorization frame with a {@code mercury.buffer_state} envelope, records every frame
 * the bot sends, answers pings with pongs (unless told not to), and can close with a
 * code, drop the connection, or refuse the handshake with 404.
 */
public final class FakeMercury implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ServerSocket server;

	private final List<Connection> connections = new CopyOnWriteArrayList<>();

	private final AtomicInteger envelopes = new AtomicInteger();

	/** Handshakes still to refuse with 404 (a stale device). */
	public final AtomicInteger refuseHandshakes = new AtomicInteger();

	/**
	 * Connections still to drop right after the authorization frame, before confirming
	 * it.
	 */
	public final AtomicInteger dropAfterAuthorization = new AtomicInteger();

	public volatile boolean answerPings = true;

	public final List<String> refusedPaths = new CopyOnWriteArrayList<>();

	public FakeMercury() {
		try {
			this.server = new ServerSocket(0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		Thread acceptor = new Thread(this::accept, "fake-mercury");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public int port() {
		return this.server.getLocalPort();
	}

	/** The websocket URL of a device. */
	public String webSocketUrl(String device) {
		return "ws://localhost:" + port() + "/mercury/" + device;
	}

	public List<Connection> connections() {
		return List.copyOf(this.connections);
	}

	/** Waits for the n-th connection (1-based) to be authorized, and returns it. */
	public Connection awaitAuthorized(int n) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.connections.size() >= n && this.connections.get(n - 1).authorized);
		return this.connections.get(n - 1);
	}

	/** The newest connection, once authorized. */
	public Connection current() {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !this.connections.isEmpty() && this.connections.get(this.connections.size() - 1).authorized);
		return this.connections.get(this.connections.size() - 1);
	}

	public void reset() {
		this.refuseHandshakes.set(0);
		this.dropAfterAuthorization.set(0);
		this.answerPings = true;
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
		this.connections.forEach(Connection::drop);
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				Thread reader = new Thread(() -> serve(socket), "fake-mercury-conn");
				reader.setDaemon(true);
				reader.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket socket) {
		try {
			InputStream in = socket.getInputStream();
			Map<String, String> headers = new HashMap<>();
			String requestLine = readLine(in);
			for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
				int colon = line.indexOf(':');
				headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
			}
			String path = requestLine.split(" ")[1];
			OutputStream out = socket.getOutputStream();
			if (!path.startsWith("/mercury/") || this.refuseHandshakes.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
				this.refusedPaths.add(path);
				out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
				out.flush();
				socket.close();
				return;
			}
			String accept = Base64.getEncoder()
				.encodeToString(MessageDigest.getInstance("SHA-1")
					.digest((headers.get("sec-websocket-key") + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
						.getBytes(StandardCharsets.US_ASCII)));
			out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
					+ "Sec-WebSocket-Accept: " + accept + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			Connection connection = new Connection(socket, path, headers);
			this.connections.add(connection);
			connection.read(new DataInputStream(in));
		}
		catch (Exception ex) {
			// the bot went away
		}
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0) {
				throw new IOException("EOF in handshake");
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.US_ASCII);
	}

	/** One websocket connection from the bot. */
	public final class Connection {

		private final Socket socket;

		public final String path;

		public final Map<String, String> headers;

		/** Every text frame the bot sent, parsed. */
		public final List<JsonNode> received = new CopyOnWriteArrayList<>();

		public volatile boolean authorized;

		/** The close code the bot sent, or {@code null}. */
		public volatile Integer closedByBotWith;

		public volatile boolean ended;

		/**
		 * {@link System#nanoTime()} when the handshake was answered, and when it ended.
		 */
		public final long openedAt = System.nanoTime();

		public volatile long endedAt;

		Connection(Socket socket, String path, Map<String, String> headers) {
			this.socket = socket;
			this.path = path;
			this.headers = headers;
		}

		/** Sends an envelope and returns its id. */
		public String sendEnvelope(String dataJson) {
			String id = "e" + FakeMercury.this.envelopes.incrementAndGet();
			sendText("{\"id\":\"" + id + "\",\"sequenceNumber\":" + FakeMercury.this.envelopes.get()
					+ ",\"timestamp\":1764072000000,\"trackingId\":\"t-" + id + "\",\"data\":" + dataJson + "}");
			return id;
		}

		/** Sends a {@code conversation.activity} envelope and returns its id. */
		public String sendActivity(String activityJson) {
			return sendEnvelope("{\"eventType\":\"conversation.activity\",\"activity\":" + activityJson + "}");
		}

		public List<String> acks() {
			return this.received.stream()
				.filter((f) -> "ack".equals(f.path("type").asString(null)))
				.map((f) -> f.path("messageId").asString())
				.toList();
		}

		public List<JsonNode> framesOfType(String type) {
			return this.received.stream().filter((f) -> type.equals(f.path("type").asString(null))).toList();
		}

		public synchronized void sendText(String text) {
			writeFrame(0x1, text.getBytes(StandardCharsets.UTF_8));
		}

		/** Closes from the server's side with a close frame. */
		public synchronized void close(int code, String reason) {
			byte[] text = reason.getBytes(StandardCharsets.UTF_8);
			ByteBuffer payload = ByteBuffer.allocate(2 + text.length).putShort((short) code).put(text);
			writeFrame(0x8, payload.array());
		}

		/** Drops the TCP connection without a close frame. */
		public void drop() {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// gone anyway
			}
		}

		private void writeFrame(int opcode, byte[] payload) {
			try {
				ByteArrayOutputStream frame = new ByteArrayOutputStream();
				frame.write(0x80 | opcode);
				if (payload.length < 126) {
					frame.write(payload.length);
				}
				else if (payload.length < 65536) {
					frame.write(126);
					frame.write(payload.length >> 8);
					frame.write(payload.length & 0xff);
				}
				else {
					frame.write(127);
					frame.write(ByteBuffer.allocate(8).putLong(payload.length).array());
				}
				frame.write(payload);
				this.socket.getOutputStream().write(frame.toByteArray());
				this.socket.getOutputStream().flush();
			}
			catch (IOException ex) {
				// the bot went away
			}
		}

		void read(DataInputStream in) throws IOException {
			ByteArrayOutputStream message = new ByteArrayOutputStream();
			try {
				while (true) {
					int first = in.readUnsignedByte();
					int second = in.readUnsignedByte();
					int opcode = first & 0x0f;
					long length = second & 0x7f;
					if (length == 126) {
						length = in.readUnsignedShort();
					}
					else if (length == 127) {
						length = in.readLong();
					}
					byte[] mask = new byte[4];
					if ((second & 0x80) != 0) {
						in.readFully(mask);
					}
					byte[] payload = new byte[(int) length];
					in.readFully(payload);
					for (int i = 0; i < payload.length; i++) {
						payload[i] ^= mask[i % 4];
					}
					if (opcode == 0x8) {
						this.closedByBotWith = (payload.length >= 2) ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff)
								: 1005;
						writeFrame(0x8, payload);
						this.socket.close();
						return;
					}
					if (opcode == 0x9) {
						writeFrame(0xA, payload);
						continue;
					}
					if (opcode == 0x1 || opcode == 0x0) {
						message.write(payload);
						if ((first & 0x80) != 0) {
							onText(message.toString(StandardCharsets.UTF_8));
							message.reset();
						}
					}
				}
			}
			finally {
				this.endedAt = System.nanoTime();
				this.ended = true;
			}
		}

		private void onText(String text) {
			JsonNode frame = JSON.readTree(text);
			this.received.add(frame);
			String type = frame.path("type").asString("");
			if (type.equals("authorization")) {
				if (FakeMercury.this.dropAfterAuthorization.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
					drop();
					return;
				}
				this.authorized = true;
				sendEnvelope("{\"eventType\":\"mercury.buffer_state\"}");
			}
			else if (type.equals("ping") && FakeMercury.this.answerPings) {
				sendText("{\"type\":\"pong\",\"id\":\"" + frame.path("id").asString() + "\"}");
			}
		}

	}

	/** Names of what a list of frames holds, for assertions. */
	public static List<String> types(List<JsonNode> frames) {
		List<String> types = new ArrayList<>();
		frames.forEach((f) -> types.add(f.path("type").asString("")));
		return types;
	}

}
