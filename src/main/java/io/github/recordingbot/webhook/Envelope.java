package io.github.recordingbot.webhook;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a Webex webhook delivery the bot uses. {@code data.roomId} and
 * {@code data.roomType} are deliberately not among them: the room to answer in comes from
 * Webex's record of the message or card action, never from the delivery.
 *
 * @param resource {@code messages}, {@code attachmentActions}, ...
 * @param event {@code created}, ...
 * @param actorId who caused the event
 * @param dataId the message or card action id
 * @param personId the sender
 * @param personEmail the sender's e-mail; missing for card actions
 * @param created when Webex created the event; may be missing
 * @see <a href="https://developer.webex.com/docs/webhooks">Webex webhooks</a>
 */
record Envelope(@Nullable String resource, @Nullable String event, @Nullable String actorId, String dataId,
		@Nullable String personId, @Nullable String personEmail, @Nullable Instant created) {

	/**
	 * Strict limits: Webex envelopes are small and flat, so anything deep or huge is not
	 * one.
	 */
	private static final JsonMapper MAPPER = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(32)
				.maxStringLength(16_384)
				.maxNumberLength(100)
				.maxDocumentLength(1L << 20)
				.maxTokenCount(10_000)
				.build())
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.build())
		.build();

	/**
	 * Parses a delivery.
	 * @param body the raw bytes
	 * @return the envelope
	 * @throws MalformedEnvelopeException when the body is not a usable envelope
	 */
	static Envelope parse(byte[] body) {
		JsonNode root;
		try {
			root = MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			// Jackson's message quotes the input; only the position is logged, never the
			// bytes.
			throw new MalformedEnvelopeException("not JSON (at " + ((ex.getLocation() != null)
					? "line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() : "?")
					+ ")");
		}
		if (root == null || !root.isObject()) {
			throw new MalformedEnvelopeException("not a JSON object");
		}
		JsonNode data = root.get("data");
		if (data == null || !data.isObject()) {
			throw new MalformedEnvelopeException("no data object");
		}
		Envelope envelope = new Envelope(text(root, "resource"), text(root, "event"), text(root, "actorId"),
				text(data, "id"), text(data, "personId"), text(data, "personEmail"), instant(data, "created"));
		if (envelope.resource() == null || envelope.event() == null || envelope.dataId() == null) {
			throw new MalformedEnvelopeException("resource, event or data.id missing");
		}
		return envelope;
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new MalformedEnvelopeException(field + " is not a string");
		}
		String text = value.asString();
		if (text.isEmpty() || text.length() > 1024) {
			throw new MalformedEnvelopeException(field + " is empty or too long");
		}
		return text;
	}

	private static @Nullable Instant instant(JsonNode node, String field) {
		String text = text(node, field);
		if (text == null) {
			return null;
		}
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new MalformedEnvelopeException(field + " is not a timestamp");
		}
	}

	/** The body is signed but not a usable envelope. */
	static final class MalformedEnvelopeException extends RuntimeException {

		MalformedEnvelopeException(String message) {
			super(message);
		}

	}

}
