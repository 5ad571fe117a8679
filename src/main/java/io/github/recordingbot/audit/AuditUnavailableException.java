package io.github.recordingbot.audit;

/**
 * The audit line could not be written, so the request must not hand out links.
 */
public class AuditUnavailableException extends RuntimeException {

	public AuditUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
