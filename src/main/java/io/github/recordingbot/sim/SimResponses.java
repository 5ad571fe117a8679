package io.github.recordingbot.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Webex-shaped answers the simulated endpoints share: error bodies with a tracking id,
 * and pages of a list with a {@code Link: <…>; rel="next"} header.
 *
 * @see <a href="https://developer.webex.com/docs/basics#pagination">Pagination</a>
 */
final class SimResponses {

	private SimResponses() {
	}

	static ResponseEntity<?> found(Optional<?> body) {
		return body.<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(SimResponses::notFound);
	}

	static ResponseEntity<?> notFound() {
		return error(HttpStatus.NOT_FOUND, "The requested resource could not be found.");
	}

	static ResponseEntity<?> badRequest(String message) {
		return error(HttpStatus.BAD_REQUEST, message);
	}

	static ResponseEntity<?> unauthorized() {
		return error(HttpStatus.UNAUTHORIZED,
				"The request requires a valid access token set in the Authorization request header.");
	}

	static ResponseEntity<?> error(HttpStatus status, String message) {
		String trackingId = "SIM_" + UUID.randomUUID();
		return ResponseEntity.status(status).header("trackingId", trackingId).body(SimJson.error(message, trackingId));
	}

	/**
	 * One page of {@code all}, from {@code cursor}, with a link to the next page when
	 * there is one.
	 */
	static ResponseEntity<?> page(List<Map<String, Object>> all, int max, int cursor) {
		int from = Math.min(Math.max(cursor, 0), all.size());
		List<Map<String, Object>> page = all.subList(from, Math.min(from + max, all.size()));
		ResponseEntity.BodyBuilder response = ResponseEntity.ok();
		if (from + max < all.size()) {
			String next = ServletUriComponentsBuilder.fromCurrentRequest()
				.replaceQueryParam("cursor", from + max)
				.build()
				.toUriString();
			response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
		}
		return response.body(Map.of("items", page));
	}

	/** Whether {@code max} is in the documented range 1 to 100. */
	static boolean validMax(int max) {
		return max >= 1 && max <= 100;
	}

	/**
	 * The {@code from}..{@code to} window of a recordings list with Webex's defaults: 7
	 * days before {@code to}, and {@code to} 7 days after {@code from} or now.
	 * @return the window, or empty when a bound is not an ISO 8601 date and time
	 */
	static Optional<Window> window(String from, String to, Instant now) {
		try {
			Instant start = (from != null) ? OffsetDateTime.parse(from).toInstant() : null;
			Instant end = (to != null) ? OffsetDateTime.parse(to).toInstant()
					: ((start != null) ? start.plus(Duration.ofDays(7)) : now);
			return Optional.of(new Window((start != null) ? start : end.minus(Duration.ofDays(7)), end));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	static String baseUrl() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

	/** A time window, {@code from} inclusive and {@code to} exclusive. */
	record Window(Instant from, Instant to) {

		static final Window ALL = new Window(Instant.MIN, Instant.MAX);

		boolean contains(Instant instant) {
			return !instant.isBefore(this.from) && instant.isBefore(this.to);
		}

		boolean reversed() {
			return this.from.isAfter(this.to);
		}

		Duration length() {
			return Duration.between(this.from, this.to);
		}

	}

}
