package io.github.recordingbot.webhook;

import java.time.Clock;

import io.github.recordingbot.conversation.ChatEvent;
import io.github.recordingbot.conversation.ChatEvents;
import io.github.recordingbot.conversation.ChatEvents.Receipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Decides what a complete webhook body means: verifies the signature before parsing
 * anything, and hands the event to the chat workers. Answers within milliseconds.
 *
 * <p>
 * Unsigned or wrongly signed: 401 and nothing else. Signed but unusable: 200 and a log
 * line, so that Webex does not count failures and disable the webhook.
 */
class WebhookReceiver {

	private static final Logger logger = LoggerFactory.getLogger(WebhookReceiver.class);

	static final String SIGNATURE_HEADER = "X-Spark-Signature";

	private final WebhookProperties properties;

	private final SignatureVerifier verifier;

	private final ChatEvents events;

	private final Clock clock;

	WebhookReceiver(WebhookProperties properties, ChatEvents events, Clock clock, PreviousSecretWindow previous) {
		this.properties = properties;
		this.verifier = new SignatureVerifier(properties.secret(), properties.secretPrevious(), previous::accepted);
		this.events = events;
		this.clock = clock;
		if (properties.hasSecret() && properties.secret().length() < 32) {
			logger.warn("WEBHOOK_SECRET is shorter than 32 characters; use a longer random one (openssl rand -hex 32) "
					+ "and register the webhooks again");
		}
		if (!properties.hasSecret()) {
			logger.warn("WEBHOOK_SECRET is not set: POST /webhook refuses every delivery with 401. "
					+ "Set it to a random string of at least 32 characters and register the webhooks with it.");
		}
	}

	/**
	 * What to answer to a delivery whose body arrived whole and within the size cap.
	 * @param body the raw bytes
	 * @param signature the {@code X-Spark-Signature} header, may be {@code null}
	 * @return the status to answer with
	 */
	HttpStatus receive(byte[] body, @Nullable String signature) {
		if (!this.verifier.verify(body, signature)) {
			logger.info("Refused a webhook delivery with a missing or wrong signature");
			return HttpStatus.UNAUTHORIZED;
		}
		Envelope envelope;
		try {
			envelope = Envelope.parse(body);
		}
		catch (Envelope.MalformedEnvelopeException ex) {
			logger.warn("Ignored a signed webhook delivery that is not a usable envelope: {}", ex.getMessage());
			return HttpStatus.OK;
		}
		if (envelope.created() != null
				&& envelope.created().isBefore(this.clock.instant().minus(this.properties.maxAge()))) {
			logger.info("Ignored a signed delivery created {}, older than {}", envelope.created(),
					this.properties.maxAge());
			return HttpStatus.OK;
		}
		ChatEvent.Kind kind = kind(envelope);
		if (kind == null) {
			logger.info("Ignored a signed {}/{} delivery", printable(envelope.resource()), printable(envelope.event()));
			return HttpStatus.OK;
		}
		ChatEvent event = new ChatEvent(kind, envelope.dataId(), envelope.personId(), envelope.personEmail(), null,
				this.clock.instant());
		Receipt receipt = this.events.submit(event);
		return (receipt == Receipt.BUSY) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK;
	}

	private static ChatEvent.@Nullable Kind kind(Envelope envelope) {
		if (!"created".equals(envelope.event())) {
			return null;
		}
		return switch (envelope.resource()) {
			case "messages" -> ChatEvent.Kind.MESSAGE;
			case "attachmentActions" -> ChatEvent.Kind.CARD_ACTION;
			default -> null;
		};
	}

	/** Keeps log lines one line and readable whatever a signed body carries. */
	static String printable(String text) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < text.length() && out.length() < 64; i++) {
			char c = text.charAt(i);
			out.append((c >= 0x20 && c < 0x7f) ? c : '?');
		}
		return out.toString();
	}

}
