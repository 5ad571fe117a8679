package io.github.recordingbot.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;

import io.github.recordingbot.conversation.ChatEvent;
import io.github.recordingbot.conversation.ChatEvents;
import io.github.recordingbot.conversation.ChatEvents.Receipt;
import io.github.recordingbot.support.MutableClock;
import io.github.recordingbot.support.TestClock;
import io.github.recordingbot.support.WebexFake;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;

import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

/**
 * What {@code POST /webhook} answers to a whole body, and what it hands on, without a
 * server: {@link WebhookReceiver} with the chat workers as a mock, and the size cap of
 * {@link BodyReader}. The same answers over HTTP are in {@link WebhookEndpointTests}.
 */
class WebhookReceiverTests {

	static final String ALICE = WebexFake.personId("a11ce000-0000-4000-8000-000000000001");

	final MutableClock clock = new MutableClock(TestClock.START);

	final ChatEvents events = mock(ChatEvents.class);

	final WebhookProperties properties = new WebhookProperties(WebexFake.SECRET, null, 64 * 1024,
			Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofHours(1));

	final WebhookReceiver receiver = new WebhookReceiver(this.properties, this.events, this.clock,
			new PreviousSecretWindow(this.properties, this.clock));

	@Test
	void aSignedMessageIsHandedOnAsOneChatEventAnd200() {
		given(this.events.submit(any())).willReturn(Receipt.ACCEPTED);
		byte[] body = body("messages", "m1");

		assertThat(this.receiver.receive(body, WebexFake.sign(WebexFake.SECRET, body))).isEqualTo(HttpStatus.OK);

		ArgumentCaptor<ChatEvent> event = ArgumentCaptor.forClass(ChatEvent.class);
		then(this.events).should().submit(event.capture());
		assertThat(event.getValue().kind()).isEqualTo(ChatEvent.Kind.MESSAGE);
		assertThat(event.getValue().eventId()).isEqualTo(WebexFake.id("MESSAGE", "m1"));
		assertThat(event.getValue().personId()).isEqualTo(ALICE);
	}

	@Test
	void aSignedCardActionIsHandedOnAsACardAction() {
		given(this.events.submit(any())).willReturn(Receipt.ACCEPTED);
		byte[] body = body("attachmentActions", "a1");

		assertThat(this.receiver.receive(body, WebexFake.sign(WebexFake.SECRET, body))).isEqualTo(HttpStatus.OK);

		then(this.events).should()
			.submit(org.mockito.ArgumentMatchers.argThat((ChatEvent e) -> e.kind() == ChatEvent.Kind.CARD_ACTION));
	}

	@Test
	void whenTheChatWorkersAreFullTheAnswerIs503SoWebexDeliversAgain() {
		given(this.events.submit(any())).willReturn(Receipt.BUSY);
		byte[] body = body("messages", "m2");

		assertThat(this.receiver.receive(body, WebexFake.sign(WebexFake.SECRET, body)))
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
	}

	@Nested
	class NothingIsHandedOn {

		@ParameterizedTest(name = "{0}")
		@MethodSource("io.github.recordingbot.webhook.WebhookReceiverTests#badSignatures")
		void whenTheSignatureIsMissingOrWrongAndTheAnswerIs401(String name, String signature) {
			assertThat(WebhookReceiverTests.this.receiver.receive(body("messages", "bad-signature"), signature))
				.isEqualTo(HttpStatus.UNAUTHORIZED);

			then(WebhookReceiverTests.this.events).shouldHaveNoInteractions();
		}

		@Test
		void whenNoSecretIsSetEveryDeliveryGets401() {
			WebhookProperties unset = new WebhookProperties(null, null, 64 * 1024, Duration.ofMinutes(10),
					Duration.ofSeconds(5), Duration.ofHours(1));
			WebhookReceiver receiver = new WebhookReceiver(unset, WebhookReceiverTests.this.events,
					WebhookReceiverTests.this.clock, new PreviousSecretWindow(unset, WebhookReceiverTests.this.clock));
			byte[] body = body("messages", "m3");

			assertThat(receiver.receive(body, WebexFake.sign(WebexFake.SECRET, body)))
				.isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(receiver.receive(body, null)).isEqualTo(HttpStatus.UNAUTHORIZED);
			then(WebhookReceiverTests.this.events).shouldHaveNoInteractions();
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("io.github.recordingbot.webhook.WebhookReceiverTests#signedButUnusable")
		void whenASignedBodyIsUnusableAndTheAnswerIs200SoWebexKeepsTheWebhook(String name, String json) {
			byte[] body = json.getBytes(StandardCharsets.UTF_8);

			assertThat(WebhookReceiverTests.this.receiver.receive(body, WebexFake.sign(WebexFake.SECRET, body)))
				.isEqualTo(HttpStatus.OK);

			then(WebhookReceiverTests.this.events).shouldHaveNoInteractions();
		}

		@Test
		void whenTheSignedDeliveryIsOlderThanTheMaximumAge() {
			byte[] body = body("messages", "stale");
			WebhookReceiverTests.this.clock
				.set(Instant.parse(WebexFake.createdOf(new String(body, java.nio.charset.StandardCharsets.UTF_8)))
					.plus(Duration.ofMinutes(11)));

			assertThat(WebhookReceiverTests.this.receiver.receive(body, WebexFake.sign(WebexFake.SECRET, body)))
				.isEqualTo(HttpStatus.OK);

			then(WebhookReceiverTests.this.events).shouldHaveNoInteractions();
		}

	}

	@Nested
	class TheSizeCap {

		@Test
		void aBodyOneByteOverTheCapGets413AndIsNotReceived() throws IOException {
			byte[] body = new byte[64 * 1024 + 1];
			Arrays.fill(body, (byte) ' ');

			MockHttpServletResponse response = read(body);

			assertThat(response.getStatus()).isEqualTo(413);
			assertThat(response.getHeader("Connection")).isEqualTo("close");
			then(WebhookReceiverTests.this.events).shouldHaveNoInteractions();
		}

		@Test
		void aDeclaredLengthBeyondWhatIsWorthDrainingGets413BeforeAnyByteIsRead() {
			AsyncContext async = mock(AsyncContext.class);
			MockHttpServletResponse response = new MockHttpServletResponse();
			given(async.getResponse()).willReturn(response);
			BodyReader reader = new BodyReader(async, mock(ServletInputStream.class), 64 * 1024,
					(bytes) -> WebhookReceiverTests.this.receiver.receive(bytes, null));

			reader.declared(64 * 1024 + BodyReader.DRAIN_LIMIT + 1);

			assertThat(response.getStatus()).isEqualTo(413);
			then(async).should().complete();
			then(WebhookReceiverTests.this.events).shouldHaveNoInteractions();
		}

		@Test
		void aSignedBodyAtTheCapIsReceived() throws IOException {
			given(WebhookReceiverTests.this.events.submit(any())).willReturn(Receipt.ACCEPTED);
			byte[] body = Arrays.copyOf(body("messages", "m4"), 64 * 1024);
			Arrays.fill(body, body("messages", "m4").length, body.length, (byte) ' ');

			assertThat(read(body, WebexFake.sign(WebexFake.SECRET, body)).getStatus()).isEqualTo(200);
			then(WebhookReceiverTests.this.events).should().submit(any());
		}

		private MockHttpServletResponse read(byte[] body) throws IOException {
			return read(body, WebexFake.sign(WebexFake.SECRET, body));
		}

		/** Feeds the body to a reader in 8 KiB chunks, as the container would. */
		private MockHttpServletResponse read(byte[] body, String signature) throws IOException {
			AsyncContext async = mock(AsyncContext.class);
			MockHttpServletResponse response = new MockHttpServletResponse();
			given(async.getResponse()).willReturn(response);
			ServletInputStream in = mock(ServletInputStream.class);
			int[] offset = { 0 };
			given(in.isReady()).willAnswer((invocation) -> offset[0] < body.length);
			given(in.read(any(byte[].class))).willAnswer((invocation) -> {
				byte[] chunk = invocation.getArgument(0);
				int n = Math.min(chunk.length, body.length - offset[0]);
				System.arraycopy(body, offset[0], chunk, 0, n);
				offset[0] += n;
				return n;
			});
			BodyReader reader = new BodyReader(async, in, 64 * 1024,
					(bytes) -> WebhookReceiverTests.this.receiver.receive(bytes, signature));
			reader.declared(body.length);
			reader.onDataAvailable();
			reader.onAllDataRead();
			return response;
		}

	}

	static Stream<Arguments> badSignatures() {
		byte[] body = body("messages", "bad-signature");
		String good = WebexFake.sign(WebexFake.SECRET, body);
		return Stream.of(Arguments.of("missing", null), Arguments.of("empty", ""),
				Arguments.of("wrong secret", WebexFake.sign("wrong-secret", body)),
				Arguments.of("other body", WebexFake.sign(WebexFake.SECRET, body("messages", "other"))),
				Arguments.of("truncated", good.substring(0, 39)), Arguments.of("too long", good + "00"),
				Arguments.of("sha1= prefix", "sha1=" + good), Arguments.of("not hex", "g".repeat(40)),
				Arguments.of("huge", "a".repeat(6_000)));
	}

	static Stream<Arguments> signedButUnusable() {
		return Stream.of(Arguments.of("no data id", "{\"resource\":\"messages\",\"event\":\"created\",\"data\":{}}"),
				Arguments.of("not JSON", "not json"), Arguments.of("empty", ""),
				Arguments.of("another resource", new String(body("memberships", "m1"), StandardCharsets.UTF_8)),
				Arguments.of("another event", new String(body("messages", "m1"), StandardCharsets.UTF_8)
					.replace("\"event\":\"created\"", "\"event\":\"deleted\"")));
	}

	static byte[] body(String resource, String id) {
		String kind = "messages".equals(resource) ? "MESSAGE" : "ATTACHMENT_ACTION";
		return WebexFake.envelope(resource, WebexFake.id(kind, id), ALICE, "alice@example.com", "direct")
			.getBytes(StandardCharsets.UTF_8);
	}

}
