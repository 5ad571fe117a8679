package io.github.recordingbot.webex;

import java.time.Duration;

/**
 * A Webex call failed: an HTTP error status, or no usable answer at all (status 0).
 */
public class WebexException extends RuntimeException {

	private final int status;

	private final String trackingId;

	private final Duration retryAfter;

	public WebexException(String message, int status, String trackingId, Duration retryAfter, Throwable cause) {
		super(message, cause);
		this.status = status;
		this.trackingId = trackingId;
		this.retryAfter = retryAfter;
	}

	/** The HTTP status, or 0 when Webex gave no answer (timeout, reset, garbage). */
	public int status() {
		return this.status;
	}

	/** Webex's tracking id of the failed call, for support cases; may be {@code null}. */
	public String trackingId() {
		return this.trackingId;
	}

	/** How long Webex asked us to wait (429), or {@code null}. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	/** Whether Webex said the thing does not exist. */
	public boolean isNotFound() {
		return this.status == 404;
	}

}
