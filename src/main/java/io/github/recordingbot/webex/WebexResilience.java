package io.github.recordingbot.webex;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Keeps Webex calls calm under faults (outermost of the clients' interceptors after the
 * authorization, so that the inner ones see every single attempt): a bulkhead on calls in
 * flight, {@code Retry-After} waits, and retries with exponential backoff and full jitter
 * for GETs only.
 *
 * <p>
 * A GET is retried after a 5xx or a network fault (reset, empty answer, broken chunk,
 * garbage), never after a timeout: a Webex that is slow now will be slow again, and the
 * user is better told at once. A POST is never retried, because Webex may have acted on
 * it (a reply posted twice carries the links twice). The body is read here, inside the
 * attempt, so that a fault in the middle of it is retried like any other. The waits
 * between attempts are the bot's one {@link Backoff}.
 *
 * <p>
 * Why not Spring's {@code RetryTemplate} and {@code @ConcurrencyLimit}: the wait after a
 * 429 comes from the answer's {@code Retry-After}, while a {@code RetryPolicy}'s backoff
 * cannot see the failure; the template sleeps with {@code Thread.sleep}, not through the
 * {@link Sleeper} that tests replace; a 5xx is an answer here, not an exception; and the
 * bulkhead waits a bounded time for a slot, which {@code @ConcurrencyLimit} (wait
 * forever, or refuse at once) cannot say.
 *
 * @see <a href="https://developer.webex.com/docs/rate-limiting">Webex rate limiting</a>
 * @see <a href=
 * "https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/">Full
 * jitter</a>
 */
class WebexResilience implements ClientHttpRequestInterceptor {

	/** Webex answers are small JSON; anything bigger is not an answer. */
	private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

	private static final Logger logger = LoggerFactory.getLogger(WebexResilience.class);

	private final WebexProperties properties;

	private final Semaphore bulkhead;

	private final Clock clock;

	private final Sleeper sleeper;

	private final Backoff backoff;

	WebexResilience(WebexProperties properties, Clock clock, Sleeper sleeper, RandomGenerator random) {
		this.properties = properties;
		this.bulkhead = new Semaphore(properties.maxConcurrentCalls(), true);
		this.clock = clock;
		this.sleeper = sleeper;
		this.backoff = Backoff.exponential(properties.retryBackoff(), properties.retryBackoffMax())
			.withFullJitter(random);
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		boolean retryable = HttpMethod.GET.equals(request.getMethod());
		for (int attempt = 0;; attempt++) {
			boolean last = !retryable || attempt >= this.properties.maxRetries();
			BufferedResponse response;
			try {
				response = attempt(request, body, execution);
			}
			catch (IOException ex) {
				if (last || ex instanceof InterruptedIOException) {
					throw ex;
				}
				logger.info("Webex {} {} failed ({}); retry {} of {}", request.getMethod(), request.getURI().getPath(),
						ex.getClass().getSimpleName(), attempt + 1, this.properties.maxRetries());
				sleep(this.backoff.delay(attempt));
				continue;
			}
			Duration wait = waitBeforeRetry(response, attempt);
			if (last || wait == null) {
				return response;
			}
			logger.info("Webex {} {} answered {}; retry {} of {} in {} ms", request.getMethod(),
					request.getURI().getPath(), response.getStatusCode().value(), attempt + 1,
					this.properties.maxRetries(), wait.toMillis());
			sleep(wait);
		}
	}

	/**
	 * The wait before the next attempt, or {@code null} when this response is the answer.
	 */
	private @Nullable Duration waitBeforeRetry(BufferedResponse response, int attempt) {
		int status = response.getStatusCode().value();
		if (status == 429) {
			Duration retryAfter = RetryAfter.parse(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER),
					this.clock.instant());
			if (retryAfter == null) {
				return this.backoff.delay(attempt);
			}
			if (retryAfter.compareTo(this.properties.maxRetryAfter()) > 0) {
				logger.info("Webex asked to wait {} s, longer than {} s: not waiting", retryAfter.toSeconds(),
						this.properties.maxRetryAfter().toSeconds());
				return null;
			}
			return retryAfter;
		}
		return response.getStatusCode().is5xxServerError() ? this.backoff.delay(attempt) : null;
	}

	/** One call through the bulkhead; the slot is held until the whole body is read. */
	private BufferedResponse attempt(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		acquire();
		try (ClientHttpResponse response = execution.execute(request, body)) {
			return new BufferedResponse(response.getStatusCode(), response.getStatusText(), response.getHeaders(),
					read(response.getBody()));
		}
		finally {
			this.bulkhead.release();
		}
	}

	private void acquire() throws IOException {
		try {
			if (!this.bulkhead.tryAcquire(this.properties.bulkheadWait().toMillis(), TimeUnit.MILLISECONDS)) {
				throw new BulkheadFullException(this.properties.maxConcurrentCalls());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while waiting for a free Webex call slot");
		}
	}

	private static byte[] read(InputStream in) throws IOException {
		if (in == null) {
			return new byte[0];
		}
		byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
		if (bytes.length > MAX_BODY_BYTES) {
			throw new IOException("Webex answered more than " + MAX_BODY_BYTES + " bytes");
		}
		return bytes;
	}

	private void sleep(Duration wait) throws InterruptedIOException {
		try {
			this.sleeper.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while waiting to retry a Webex call");
		}
	}

	/**
	 * Every slot stayed busy for the whole wait: fail like a Webex that does not answer.
	 */
	static final class BulkheadFullException extends IOException {

		BulkheadFullException(int limit) {
			super("All " + limit + " Webex call slots stayed busy");
		}

	}

	/** A response read to the end while the call held its slot. */
	private static final class BufferedResponse implements ClientHttpResponse {

		private final HttpStatusCode status;

		private final String statusText;

		private final HttpHeaders headers;

		private final byte[] body;

		BufferedResponse(HttpStatusCode status, String statusText, HttpHeaders headers, byte[] body) {
			this.status = status;
			this.statusText = statusText;
			this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
			this.body = body;
		}

		@Override
		public HttpStatusCode getStatusCode() {
			return this.status;
		}

		@Override
		public String getStatusText() {
			return this.statusText;
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(this.body);
		}

		@Override
		public void close() {
		}

	}

}
