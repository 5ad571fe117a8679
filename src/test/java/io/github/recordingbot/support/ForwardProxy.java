package io.github.recordingbot.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small forward proxy for tests, one request per connection: an absolute-URI request
 * ({@code GET http://host:port/path}) is forwarded to its host, a {@code CONNECT} opens a
 * tunnel (the websocket's way); hop-by-hop headers stay here. It records each request
 * line, and when given a user and password answers 407 to any request without them.
 */
public final class ForwardProxy implements AutoCloseable {

	private final ServerSocket server;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private volatile String requiredAuthorization;

	public ForwardProxy() {
		try {
			this.server = new ServerSocket(0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.threads.execute(this::accept);
	}

	/** From now on, requests without this user and password get 407. */
	public ForwardProxy requireCredentials(String user, String password) {
		String pair = user + ":" + password;
		this.requiredAuthorization = "Basic "
				+ Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
		return this;
	}

	/** {@code http://localhost:port}. */
	public String url() {
		return "http://localhost:" + this.server.getLocalPort();
	}

	/**
	 * The request lines that were let through, e.g. {@code GET http://localhost:1/v1/x}.
	 */
	public List<String> requests() {
		return this.requests;
	}

	/** Every {@code Proxy-Authorization} header received, refused or not. */
	public List<String> authorizations() {
		return this.authorizations;
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		this.threads.shutdownNow();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				this.threads.execute(() -> handle(client));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void handle(Socket client) {
		try (client) {
			InputStream in = client.getInputStream();
			String requestLine = line(in);
			List<String> headers = new ArrayList<>();
			String authorization = null;
			int contentLength = 0;
			boolean chunked = false;
			for (String header = line(in); !header.isEmpty(); header = line(in)) {
				String name = header.substring(0, header.indexOf(':')).strip().toLowerCase(Locale.ROOT);
				String value = header.substring(header.indexOf(':') + 1).strip();
				switch (name) {
					case "proxy-authorization" -> authorization = value;
					case "proxy-connection", "connection", "keep-alive", "upgrade", "content-length" -> {
					}
					case "transfer-encoding" -> chunked = true;
					default -> headers.add(header);
				}
				contentLength = name.equals("content-length") ? Integer.parseInt(value) : contentLength;
			}
			if (authorization != null) {
				this.authorizations.add(authorization);
			}
			String required = this.requiredAuthorization;
			if (required != null && !required.equals(authorization)) {
				in.readNBytes(contentLength);
				write(client.getOutputStream(), "HTTP/1.1 407 Proxy Authentication Required\r\n"
						+ "Proxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
				return;
			}
			this.requests.add(requestLine);
			String[] parts = requestLine.split(" ");
			if (parts[0].equals("CONNECT")) {
				tunnel(client, parts[1]);
			}
			else {
				forward(client, parts, headers, chunked ? chunks(in) : in.readNBytes(contentLength));
			}
		}
		catch (IOException | RuntimeException ex) {
			// the client went away; nothing to tell
		}
	}

	private void forward(Socket client, String[] requestLine, List<String> headers, byte[] body) throws IOException {
		URI target = URI.create(requestLine[1]);
		try (Socket upstream = new Socket(target.getHost(), target.getPort())) {
			StringBuilder request = new StringBuilder(requestLine[0] + " " + target.getRawPath()
					+ ((target.getRawQuery() != null) ? "?" + target.getRawQuery() : "") + " HTTP/1.1\r\n");
			headers.forEach((h) -> request.append(h).append("\r\n"));
			if (body.length > 0) {
				request.append("Content-Length: ").append(body.length).append("\r\n");
			}
			request.append("Connection: close\r\n\r\n");
			OutputStream out = upstream.getOutputStream();
			write(out, request.toString());
			out.write(body);
			out.flush();
			upstream.getInputStream().transferTo(client.getOutputStream());
		}
	}

	private void tunnel(Socket client, String authority) throws IOException {
		String host = authority.substring(0, authority.lastIndexOf(':'));
		int port = Integer.parseInt(authority.substring(authority.lastIndexOf(':') + 1));
		try (Socket upstream = new Socket(host, port)) {
			write(client.getOutputStream(), "HTTP/1.1 200 Connection Established\r\n\r\n");
			this.threads.execute(() -> {
				try {
					client.getInputStream().transferTo(upstream.getOutputStream());
				}
				catch (IOException ex) {
					// one side closed
				}
			});
			upstream.getInputStream().transferTo(client.getOutputStream());
		}
	}

	private static byte[] chunks(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0; size = Integer
			.parseInt(line(in).split(";")[0].strip(), 16)) {
			body.write(in.readNBytes(size));
			line(in);
		}
		while (!line(in).isEmpty()) {
			// trailers
		}
		return body.toByteArray();
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b == -1) {
				throw new IOException("connection closed");
			}
			line.write(b);
		}
		return line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
	}

	private static void write(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

}
