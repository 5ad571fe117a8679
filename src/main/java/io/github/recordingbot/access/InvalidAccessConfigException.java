package io.github.recordingbot.access;

import java.util.List;

/**
 * Thrown when config.json cannot be turned into an {@link AccessConfig}; lists every
 * problem found, each naming its key.
 */
class InvalidAccessConfigException extends RuntimeException {

	private final List<String> errors;

	InvalidAccessConfigException(List<String> errors) {
		super(String.join("; ", errors));
		this.errors = List.copyOf(errors);
	}

	InvalidAccessConfigException(String error, Throwable cause) {
		super(error, cause);
		this.errors = List.of(error);
	}

	/** Each problem on its own, in file order. */
	List<String> errors() {
		return this.errors;
	}

}
