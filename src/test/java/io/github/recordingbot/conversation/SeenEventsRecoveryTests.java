package io.github.recordingbot.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.github.recordingbot.audit.AuditLog;
import io.github.recordingbot.audit.AuditRecord;
import io.github.recordingbot.audit.AuditRecord.Decision;
import io.github.recordingbot.audit.AuditUnavailableException;
import io.github.recordingbot.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willCallRealMethod;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * The recovery job: what it does with the events it takes over and with those it gives
 * up.
 */
class SeenEventsRecoveryTests {

	static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	final SeenEvents seen = mock(SeenEvents.class);

	final Conversation conversation = mock(Conversation.class);

	final AuditLog audit = mock(AuditLog.class);

	final MutableClock clock = new MutableClock(NOW);

	final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2));

	final SeenEventsRecovery recovery = new SeenEventsRecovery(this.seen, this.conversation, this.executor, this.audit,
			new SeenEventsProperties(Duration.ofMinutes(2), 3, Duration.ofSeconds(30)), this.clock);

	@BeforeEach
	void holdEveryEvent() {
		given(this.seen.start(any())).willReturn(true);
		willCallRealMethod().given(this.seen).handling(any(), any());
	}

	@AfterEach
	void stop() {
		this.executor.shutdownNow();
	}

	@Test
	void anEventTakenOverIsHandledOnTheChatWorkersThenMarkedDone() {
		ChatEvent event = event("taken");
		given(this.seen.takeOverUnfinished(anyInt())).willReturn(List.of(event));

		this.recovery.run();

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> then(this.seen).should().done(event));
		InOrder order = inOrder(this.conversation, this.seen);
		order.verify(this.seen).start(event);
		order.verify(this.conversation).handle(event);
		order.verify(this.seen).done(event);
		then(this.audit).should(never()).write(any());
	}

	@Test
	void anEventAnotherReplicaTookOverWhileItWaitedInTheQueueIsDropped() {
		ChatEvent event = event("taken-elsewhere");
		given(this.seen.start(event)).willReturn(false);
		given(this.seen.takeOverUnfinished(anyInt())).willReturn(List.of(event));

		this.recovery.run();

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> then(this.seen).should().start(event));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.executor.getActiveCount() == 0 && this.executor.getQueue().isEmpty());
		then(this.conversation).should(never()).handle(any());
		then(this.seen).should(never()).done(any());
	}

	@Test
	void noMoreEventsAreTakenThanTheWorkQueueHasRoomFor() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		this.executor.execute(() -> awaitQuietly(release));
		this.executor.execute(() -> awaitQuietly(release));
		given(this.seen.takeOverUnfinished(anyInt())).willReturn(List.of());

		this.recovery.run();
		this.executor.execute(() -> awaitQuietly(release));
		this.recovery.run();

		then(this.seen).should().takeOverUnfinished(1);
		then(this.seen).should(never()).takeOverUnfinished(0);
		release.countDown();
	}

	@Test
	void anEventGivenUpGetsAnAuditLineAndIsNotHandled() {
		ChatEvent event = new ChatEvent(ChatEvent.Kind.CARD_ACTION, "given-up", "person-1", null, null,
				NOW.minus(Duration.ofMinutes(7)));
		given(this.seen.giveUpExhausted(anyInt())).willReturn(List.of(event));
		given(this.seen.takeOverUnfinished(anyInt())).willReturn(List.of());

		this.recovery.run();

		ArgumentCaptor<AuditRecord> line = ArgumentCaptor.forClass(AuditRecord.class);
		then(this.audit).should().write(line.capture());
		assertThat(line.getValue().eventId()).isEqualTo("given-up");
		assertThat(line.getValue().requester().personId()).isEqualTo("person-1");
		assertThat(line.getValue().decision()).isEqualTo(Decision.UPSTREAM_ERROR);
		assertThat(line.getValue().reason()).isEqualTo(SeenEventsRecovery.GAVE_UP);
		assertThat(line.getValue().durationMs()).isEqualTo(Duration.ofMinutes(7).toMillis());
		then(this.conversation).should(never()).handle(any());
	}

	@Test
	void anAuditLogThatCannotBeWrittenDoesNotStopTheRecovery() {
		ChatEvent given = event("given-up");
		ChatEvent taken = event("taken");
		given(this.seen.giveUpExhausted(anyInt())).willReturn(List.of(given));
		given(this.seen.takeOverUnfinished(anyInt())).willReturn(List.of(taken));
		willThrow(new AuditUnavailableException("disk full", null)).given(this.audit).write(any());

		this.recovery.run();

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> then(this.seen).should().done(taken));
	}

	@Test
	void anUnreachableDatabaseIsLoggedAndTriedAgainAtTheNextRun() {
		given(this.seen.giveUpExhausted(anyInt())).willThrow(new CannotGetJdbcConnectionException("database down"));

		this.recovery.run();

		then(this.seen).should(never()).takeOverUnfinished(anyInt());
		then(this.conversation).should(never()).handle(any());
	}

	static ChatEvent event(String id) {
		return new ChatEvent(ChatEvent.Kind.MESSAGE, id, "person-" + id, null, null, NOW);
	}

	static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
