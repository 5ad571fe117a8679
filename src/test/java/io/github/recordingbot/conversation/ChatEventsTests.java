package io.github.recordingbot.conversation;

import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.github.recordingbot.conversation.ChatEvents.Receipt;
import io.github.recordingbot.webex.WebexClient;
import io.github.recordingbot.webex.WebexProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;

/**
 * The door to the chat workers: what is dropped before any Webex call, and what happens
 * when the queue is full.
 */
class ChatEventsTests {

	final BotIdentity identity = spy(new BotIdentity(mock(WebexClient.class), mock(WebexProperties.class)));

	final Conversation conversation = mock(Conversation.class);

	final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1));

	final ChatEvents events = new ChatEvents(this.identity, this.conversation, this.executor,
			new InMemorySeenEvents(SeenEventsConfiguration.WINDOW));

	@AfterEach
	void stop() {
		this.executor.shutdownNow();
	}

	@Test
	void ownEventIsIgnored() {
		given(this.identity.isSelf("bot")).willReturn(true);

		assertThat(this.events.submit(event("e1", "bot", "bot@webex.bot"))).isEqualTo(Receipt.IGNORED);
		then(this.conversation).should(never()).handle(any());
	}

	@Test
	void otherBotsEventIsIgnored() {
		assertThat(this.events.submit(event("e1", "p", "Other@Webex.Bot"))).isEqualTo(Receipt.IGNORED);
	}

	@Test
	void fullQueueAnswersBusyAndTheRetryIsNotTakenForADuplicate() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch started = new CountDownLatch(1);
		willAnswer((invocation) -> {
			started.countDown();
			release.await(5, TimeUnit.SECONDS);
			return null;
		}).given(this.conversation).handle(any());

		assertThat(this.events.submit(event("running", "p", "a@example.com"))).isEqualTo(Receipt.ACCEPTED);
		started.await(5, TimeUnit.SECONDS);
		assertThat(this.events.submit(event("queued", "p", "a@example.com"))).isEqualTo(Receipt.ACCEPTED);
		assertThat(this.events.submit(event("rejected", "p", "a@example.com"))).isEqualTo(Receipt.BUSY);
		release.countDown();
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(5))
			.until(() -> this.executor.getQueue().isEmpty() && this.executor.getActiveCount() == 0);

		assertThat(this.events.submit(event("rejected", "p", "a@example.com"))).isEqualTo(Receipt.ACCEPTED);
		assertThat(this.events.submit(event("queued", "p", "a@example.com"))).isEqualTo(Receipt.DUPLICATE);
	}

	@Test
	void sameDeliveryFromTwentyThreadsIsAcceptedOnce() throws Exception {
		ThreadPoolExecutor big = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100));
		ChatEvents door = new ChatEvents(this.identity, this.conversation, big,
				new InMemorySeenEvents(SeenEventsConfiguration.WINDOW));
		java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(20);
		CountDownLatch start = new CountDownLatch(1);
		try {
			java.util.List<java.util.concurrent.Future<Receipt>> results = new java.util.ArrayList<>();
			for (int i = 0; i < 20; i++) {
				results.add(senders.submit(() -> {
					start.await();
					return door.submit(event("same", "p", "a@example.com"));
				}));
			}
			start.countDown();
			java.util.List<Receipt> admissions = new java.util.ArrayList<>();
			for (java.util.concurrent.Future<Receipt> result : results) {
				admissions.add(result.get(5, TimeUnit.SECONDS));
			}

			assertThat(admissions).containsOnlyOnce(Receipt.ACCEPTED);
			assertThat(admissions).filteredOn(Receipt.DUPLICATE::equals).hasSize(19);
		}
		finally {
			senders.shutdownNow();
			big.shutdownNow();
		}
	}

	@Test
	void sameEventTwiceIsADuplicate() {
		assertThat(this.events.submit(event("e2", "p", "a@example.com"))).isEqualTo(Receipt.ACCEPTED);
		assertThat(this.events.submit(event("e2", "p", "a@example.com"))).isEqualTo(Receipt.DUPLICATE);
	}

	@Test
	void anEventThatCannotBeRecordedAsSeenIsAnsweredBusyAndNotHandled() {
		SeenEvents unreachable = mock(SeenEvents.class);
		given(unreachable.firstSighting(any())).willThrow(new CannotGetJdbcConnectionException("database down"));
		ChatEvents door = new ChatEvents(this.identity, this.conversation, this.executor, unreachable);

		assertThat(door.submit(event("e3", "p", "a@example.com"))).isEqualTo(Receipt.BUSY);
		then(this.conversation).should(never()).handle(any());
	}

	static ChatEvent event(String id, String personId, String email) {
		return new ChatEvent(ChatEvent.Kind.MESSAGE, id, personId, email, null, Instant.now());
	}

}
