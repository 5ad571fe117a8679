package io.github.recordingbot.webex;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Remembers the last time the outbound proxy refused a call (407) or could not be
 * reached, for the status page, and logs the cause; a later call through the proxy that
 * gets an answer clears it. Innermost interceptor of every REST client, so that each
 * attempt is seen; the websocket reports its own failures through
 * {@link #failed(URI, Throwable)}. The call itself fails as before, so the user gets the
 * usual "Webex is not answering".
 */
public class ProxyFailures implements ClientHttpRequestInterceptor {

	private static final Logger logger = LoggerFactory.getLogger(ProxyFailures.class);

	private final ProxySettings proxy;

	private final Clock clock;

	private final AtomicReference<Failure> last = new AtomicReference<>();

	public ProxyFailures(ProxySettings proxy, Clock clock) {
		this.proxy = proxy;
		this.clock = clock;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		try {
			ClientHttpResponse response = execution.execute(request, body);
			answered(request.getURI(), response.getStatusCode().value());
			return response;
		}
		catch (IOException ex) {
			failed(request.getURI(), ex);
			throw ex;
		}
	}

	/** A call to this address got an HTTP status (from Webex or from the proxy). */
	public void answered(URI uri, int status) {
		this.proxy.forUri(uri).ifPresent((endpoint) -> {
			if (status == 407) {
				record(endpoint,
						"refused the call with 407 Proxy Authentication Required: "
								+ (endpoint.hasCredentials() ? "check the user and password in HTTPS_PROXY"
										: "it needs a user and password in HTTPS_PROXY"),
						uri, null);
			}
			else {
				this.last.set(null);
			}
		});
	}

	/** A call to this address failed without an answer. */
	public void failed(URI uri, Throwable ex) {
		this.proxy.forUri(uri).ifPresent((endpoint) -> {
			String message = String.valueOf(ex.getMessage());
			if (message.contains("407")) {
				record(endpoint,
						"refused the connection with 407 Proxy Authentication Required: "
								+ (endpoint.hasCredentials() ? "check the user and password in HTTPS_PROXY"
										: "it needs a user and password in HTTPS_PROXY"),
						uri, ex);
			}
			else if (ex instanceof ConnectException || ex instanceof UnknownHostException
					|| ex.getClass().getSimpleName().equals("TunnelRefusedException")) {
				record(endpoint, "cannot be reached (" + ex.getClass().getSimpleName() + ")", uri, ex);
			}
		});
	}

	/** The last refusal or connect failure since the proxy last let a call through. */
	public Optional<Failure> last() {
		return Optional.ofNullable(this.last.get());
	}

	/** What the status page says about the proxy. */
	public ProxySettings settings() {
		return this.proxy;
	}

	private void record(ProxySettings.Endpoint endpoint, String problem, URI uri, Throwable ex) {
		Failure failure = new Failure(this.clock.instant(), endpoint.host() + ":" + endpoint.port(), problem);
		this.last.set(failure);
		// the host and path only: never a query, never the proxy's credentials
		logger.warn("Outbound proxy {} {} (call to {}{}){}", failure.proxy(), problem, uri.getHost(), uri.getPath(),
				(ex != null) ? ": " + ex.getClass().getSimpleName() + ": " + ex.getMessage() : "");
	}

	/**
	 * One refusal or connect failure.
	 *
	 * @param at when
	 * @param proxy the proxy's {@code host:port}
	 * @param problem what went wrong and what to check
	 */
	public record Failure(Instant at, String proxy, String problem) {

		/** The status page's line, e.g. "proxy.corp:3128 refused the call with 407 …". */
		public String describe() {
			return this.proxy + " " + this.problem + " (" + this.at + ")";
		}

	}

}
