package io.github.recordingbot.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.sun.management.UnixOperatingSystemMXBean;
import io.github.recordingbot.support.BotEndToEndTest;
import io.github.recordingbot.support.WebexFake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hundreds of connections that declare a large body and then trickle it, or send nothing
 * more, hold no request thread: while they are open the health endpoint and a signed
 * delivery answer at once, and after {@code webhook.body-timeout} each slow sender gets
 * 408 or a closed connection. The pool is cut to 50 threads so that the slow connections
 * outnumber it many times over.
 */
@TestPropertySource(properties = { "webhook.body-timeout=2s", "server.tomcat.threads.max=50" })
class SlowWebhookBodiesTests extends BotEndToEndTest {

	private static final Logger logger = LoggerFactory.getLogger(SlowWebhookBodiesTests.class);

	static final Duration BODY_TIMEOUT = Duration.ofSeconds(2);

	static final int THREADS = 50;

	static final int WANTED_CONNECTIONS = 500;

	// generous for a loaded CI machine: the old code never answered at all
	static final Duration FAST = Duration.ofSeconds(3);

	final HttpClient http = HttpClient.newBuilder().connectTimeout(FAST).build();

	final List<Socket> sockets = new ArrayList<>();

	final ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();

	volatile long slowest;

	@AfterEach
	void closeSockets() throws IOException {
		this.trickler.shutdownNow();
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

	@Test
	void slowBodiesHoldNoThreadAndGet408AfterTheDeadline() throws Exception {
		assertThat(health()).isEqualTo(200);
		assertThat(deliver()).isEqualTo(200);
		int connections = affordableConnections();
		List<Socket> silent = new ArrayList<>();
		List<Socket> trickling = new ArrayList<>();
		long opened = System.nanoTime();
		for (int i = 0; i < connections; i++) {
			// a third each: JSON trickled, nothing after the headers, a form body (which
			// a
			// filter reading parameters would block on)
			String contentType = (i % 3 == 2) ? "application/x-www-form-urlencoded" : "application/json";
			Socket socket = open(contentType);
			(i % 3 == 1 ? silent : trickling).add(socket);
		}
		this.trickler.scheduleAtFixedRate(() -> trickle(trickling), 0, 300, TimeUnit.MILLISECONDS);

		await().during(BODY_TIMEOUT.minusMillis(700))
			.atMost(BODY_TIMEOUT.plusSeconds(5))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> health() == 200 && deliver() == 200);

		List<String> answers = new ArrayList<>();
		for (Socket socket : this.sockets) {
			answers.add(answer(socket, opened));
			if (answers.size() == 1) {
				assertThat(Duration.ofNanos(System.nanoTime() - opened)).as("the first answer")
					.isGreaterThanOrEqualTo(BODY_TIMEOUT);
			}
		}
		assertThat(answers).as("every slow sender gets 408 or a closed connection")
			.allSatisfy((answer) -> assertThat(answer).isIn("408", "closed"));
		assertThat(silent).as("a sender that stopped after the headers reads its 408")
			.allSatisfy((socket) -> assertThat(answers.get(this.sockets.indexOf(socket))).isEqualTo("408"));
		assertThat(health()).isEqualTo(200);
		logger.info("{} slow connections: answers {}; slowest health or delivery meanwhile {} ms", connections,
				answers.stream().collect(Collectors.groupingBy((a) -> a, TreeMap::new, Collectors.counting())),
				TimeUnit.NANOSECONDS.toMillis(this.slowest));
	}

	@Test
	void aBodyThatArrivesBeforeTheDeadlineIsReadWhole() throws Exception {
		byte[] body = WebexFake
			.envelope("memberships", WebexFake.id("MESSAGE", UUID.randomUUID().toString()), WebhookEndpointTests.ALICE,
					"alice@example.com", "direct")
			.getBytes(StandardCharsets.UTF_8);
		try (Socket socket = open("application/json", body.length, WebexFake.sign(WebexFake.SECRET, body))) {
			for (byte b : body) {
				socket.getOutputStream().write(b);
				socket.getOutputStream().flush();
			}
			assertThat(answer(socket, System.nanoTime())).isEqualTo("200");
		}
	}

	/**
	 * Each connection costs two file descriptors in this JVM (ours and the server's);
	 * stays well inside {@code ulimit -n}.
	 */
	static int affordableConnections() {
		UnixOperatingSystemMXBean os = (UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		long spare = os.getMaxFileDescriptorCount() - os.getOpenFileDescriptorCount() - 256;
		int connections = (int) Math.min(WANTED_CONNECTIONS, spare / 2);
		assertThat(connections)
			.as("file descriptors for the slow connections; raise ulimit -n (now %d)", os.getMaxFileDescriptorCount())
			.isGreaterThanOrEqualTo(3 * THREADS);
		return connections;
	}

	Socket open(String contentType) throws IOException {
		Socket socket = open(contentType, 60_000, "0".repeat(40));
		socket.getOutputStream().write('{');
		socket.getOutputStream().flush();
		return socket;
	}

	Socket open(String contentType, int contentLength, String signature) throws IOException {
		Socket socket = new Socket();
		this.sockets.add(socket);
		socket.connect(new InetSocketAddress("localhost", this.port), 2_000);
		String head = "POST /webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
				+ "\r\nContent-Length: " + contentLength + "\r\nX-Spark-Signature: " + signature + "\r\n\r\n";
		socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
		socket.getOutputStream().flush();
		return socket;
	}

	static void trickle(List<Socket> sockets) {
		for (Socket socket : sockets) {
			try {
				socket.getOutputStream().write(' ');
			}
			catch (IOException ex) {
				// answered and closed by the bot: nothing more to send
			}
		}
	}

	/**
	 * The status code the bot answered on a raw connection, or {@code closed}; waits at
	 * most until a few seconds after the deadline.
	 */
	static String answer(Socket socket, long opened) throws IOException {
		// Tomcat checks the deadline about once a second; a loaded machine takes longer
		long left = opened + BODY_TIMEOUT.plusSeconds(20).toNanos() - System.nanoTime();
		socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
		InputStream in = socket.getInputStream();
		byte[] start = new byte[12];
		int read = 0;
		try {
			while (read < start.length) {
				int n = in.read(start, read, start.length - read);
				if (n < 0) {
					break;
				}
				read += n;
			}
		}
		catch (SocketTimeoutException ex) {
			return "no answer";
		}
		catch (IOException ex) {
			return "closed";
		}
		String line = new String(start, 0, read, StandardCharsets.US_ASCII);
		return line.startsWith("HTTP/1.1 ") ? line.substring(9).trim() : "closed";
	}

	int health() throws Exception {
		long start = System.nanoTime();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health"))
			.timeout(FAST)
			.build();
		return timed(start, this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
	}

	int deliver() throws Exception {
		long start = System.nanoTime();
		byte[] body = WebhookEndpointTests.body(UUID.randomUUID().toString());
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/webhook"))
			.timeout(FAST)
			.header("Content-Type", "application/json")
			.header("X-Spark-Signature", WebexFake.sign(WebexFake.SECRET, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		return timed(start, this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
	}

	int timed(long start, int status) {
		this.slowest = Math.max(this.slowest, System.nanoTime() - start);
		return status;
	}

}
