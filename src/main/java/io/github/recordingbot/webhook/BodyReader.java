package io.github.recordingbot.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;

/**
 * Reads one webhook body with the container's non-blocking I/O, as its bytes arrive, and
 * answers exactly once: with what the receiver says when the body is whole, 413 when it
 * is over the cap, 408 when the async deadline passes first. No request thread waits for
 * a slow sender in between.
 */
final class BodyReader implements ReadListener, AsyncListener {

	private static final Logger logger = LoggerFactory.getLogger(BodyReader.class);

	/**
	 * How much of an oversized body is read and dropped before answering 413, so that an
	 * honest client sees the answer rather than a reset connection (Tomcat's
	 * {@code maxSwallowSize}). Beyond it the connection is closed at once.
	 */
	static final long DRAIN_LIMIT = 2L * 1024 * 1024;

	private final AsyncContext async;

	private final ServletInputStream in;

	private final int maxBytes;

	private final Function<byte[], HttpStatus> receiver;

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	private final byte[] chunk = new byte[8192];

	private final AtomicBoolean answered = new AtomicBoolean();

	private long received;

	/**
	 * A reader for one request.
	 * @param async the started async request
	 * @param in its input stream; the caller registers this reader on it
	 * @param maxBytes the largest body accepted
	 * @param receiver what to answer to a whole body within the cap
	 */
	BodyReader(AsyncContext async, ServletInputStream in, int maxBytes, Function<byte[], HttpStatus> receiver) {
		this.async = async;
		this.in = in;
		this.maxBytes = maxBytes;
		this.receiver = receiver;
	}

	/**
	 * Answers 413 at once when the declared length is beyond what is worth draining.
	 * @param declared the {@code Content-Length}, or -1
	 */
	void declared(long declared) {
		if (declared > this.maxBytes + DRAIN_LIMIT) {
			answer(HttpStatus.CONTENT_TOO_LARGE);
		}
	}

	@Override
	public void onDataAvailable() throws IOException {
		while (!this.answered.get() && this.in.isReady()) {
			int n = this.in.read(this.chunk);
			if (n < 0) {
				return;
			}
			this.received += n;
			if (this.received <= this.maxBytes) {
				this.body.write(this.chunk, 0, n);
			}
			else if (this.received > this.maxBytes + DRAIN_LIMIT) {
				answer(HttpStatus.CONTENT_TOO_LARGE);
			}
		}
	}

	@Override
	public void onAllDataRead() {
		if (this.received > this.maxBytes) {
			answer(HttpStatus.CONTENT_TOO_LARGE);
			return;
		}
		HttpStatus status;
		try {
			status = this.receiver.apply(this.body.toByteArray());
		}
		catch (RuntimeException ex) {
			// A bug must not acknowledge the delivery: Webex retries a 5xx.
			logger.error("Failed to handle a webhook delivery", ex);
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		answer(status);
	}

	@Override
	public void onError(Throwable ex) {
		// The sender went away or the socket timed out: nobody is left to answer.
		logger.debug("Webhook body read failed after {} bytes: {}", this.received, ex.getClass().getSimpleName());
		if (this.answered.compareAndSet(false, true)) {
			this.async.complete();
		}
	}

	@Override
	public void onTimeout(AsyncEvent event) {
		logger.debug("Webhook body incomplete at the deadline after {} bytes", this.received);
		answer((this.received > this.maxBytes) ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.REQUEST_TIMEOUT);
	}

	@Override
	public void onError(AsyncEvent event) {
		onError(event.getThrowable());
	}

	@Override
	public void onComplete(AsyncEvent event) {
	}

	@Override
	public void onStartAsync(AsyncEvent event) {
	}

	private void answer(HttpStatus status) {
		if (!this.answered.compareAndSet(false, true)) {
			return;
		}
		HttpServletResponse response = (HttpServletResponse) this.async.getResponse();
		response.setStatus(status.value());
		if (status == HttpStatus.REQUEST_TIMEOUT || status == HttpStatus.CONTENT_TOO_LARGE) {
			// The rest of the body is not read: the connection cannot carry another
			// request.
			response.setHeader("Connection", "close");
		}
		this.async.complete();
	}

}
