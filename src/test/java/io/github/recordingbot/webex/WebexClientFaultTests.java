package io.github.recordingbot.webex;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.recordingbot.webex.WebexModels.Message;
import io.github.recordingbot.webex.WebexModels.NewMessage;
import io.github.recordingbot.webex.WebexModels.Recording;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Webex client against a faulty Webex (WireMock): waits, retries, timeouts, the
 * bulkhead and pagination. Waits go to a recording sleeper, so no test waits for real.
 */
class WebexClientFaultTests {

	static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	static final String MESSAGE_JSON = "{\"id\":\"m1\",\"roomId\":\"r1\",\"roomType\":\"direct\",\"text\":\"help\"}";

	static final WireMockServer webex = new WireMockServer(
			WireMockConfiguration.options().dynamicPort().containerThreads(100).jettyAcceptors(2));

	final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

	@BeforeAll
	static void startWebex() {
		webex.start();
	}

	@AfterAll
	static void stopWebex() {
		webex.stop();
	}

	@BeforeEach
	void resetWebex() {
		webex.resetAll();
	}

	@Nested
	class RateLimits {

		@Test
		void getWhenRetryAfterSecondsIsShortThenWaitsItOnceAndSucceeds() {
			stubMessageSequence(aResponse().withStatus(429).withHeader("Retry-After", "2"));

			Message message = client().message("m1");

			assertThat(message.id()).isEqualTo("m1");
			assertThat(waits).containsExactly(Duration.ofSeconds(2));
			webex.verify(2, getRequestedFor(urlPathEqualTo("/v1/messages/m1")));
		}

		@Test
		void getWhenRetryAfterIsAnHttpDateThenWaitsUntilThen() {
			String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(3).atOffset(ZoneOffset.UTC));
			stubMessageSequence(aResponse().withStatus(429).withHeader("Retry-After", date));

			Message message = client().message("m1");

			assertThat(message.id()).isEqualTo("m1");
			assertThat(waits).containsExactly(Duration.ofSeconds(3));
		}

		@Test
		void getWhenRetryAfterIsLongerThanTheBoundThenFailsAtOnceAsBusy() {
			webex.stubFor(get(urlPathMatching("/v1/messages/.*"))
				.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

			assertThatExceptionOfType(WebexException.class).isThrownBy(() -> client().message("m1")).satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(429);
				assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(3600));
			});
			assertThat(waits).isEmpty();
			webex.verify(1, getRequestedFor(urlPathEqualTo("/v1/messages/m1")));
		}

		@Test
		void getWhenRateLimitedEveryTimeThenGivesUpAfterFourCalls() {
			webex.stubFor(get(urlPathMatching("/v1/messages/.*"))
				.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));

			assertThatExceptionOfType(WebexException.class).isThrownBy(() -> client().message("m1"))
				.satisfies((ex) -> assertThat(ex.status()).isEqualTo(429));
			assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
			webex.verify(4, getRequestedFor(urlPathEqualTo("/v1/messages/m1")));
		}

		@Test
		void postWhenRateLimitedThenIsNotRepeated() {
			webex.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));

			assertThatExceptionOfType(WebexException.class).isThrownBy(() -> client().postMessage(reply()))
				.satisfies((ex) -> assertThat(ex.status()).isEqualTo(429));
			webex.verify(1, postRequestedFor(urlPathEqualTo("/v1/messages")));
			assertThat(waits).isEmpty();
		}

	}

	@Nested
	class ServerErrors {

		@Test
		void getWhenUnavailableThreeTimesThenSucceedsOnTheFourthCall() {
			stubMessageSequence(aResponse().withStatus(503), aResponse().withStatus(503), aResponse().withStatus(503));

			Message message = client().message("m1");

			assertThat(message.id()).isEqualTo("m1");
			webex.verify(4, getRequestedFor(urlPathEqualTo("/v1/messages/m1")));
			assertThat(waits).hasSize(3);
			assertThat(waits.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(200));
			assertThat(waits.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(400));
			assertThat(waits.get(2)).isBetween(Duration.ZERO, Duration.ofMillis(800));
		}

		@Test
		void getWhenServerErrorPersistsThenAtMostFourCallsAndAClearError() {
			webex.stubFor(get(urlPathMatching("/v1/messages/.*")).willReturn(aResponse().withStatus(500)));

			assertThatExceptionOfType(WebexException.class).isThrownBy(() -> client().message("m1"))
				.satisfies((ex) -> assertThat(ex.status()).isEqualTo(500));
			webex.verify(4, getRequestedFor(urlPathEqualTo("/v1/messages/m1")));
		}

		@Test
		void getWhenNotFoundThenNoRetry() {
			webex.stubFor(get(urlPathMatching("/v1/messages/.*")).willReturn(aResponse().withStatus(404)));

			assertThatExceptionOfType(WebexException.class).isThrownBy(() -> client().message("m1"))
				.satisfies((ex) -> assertThat(ex.isNotFound()).isTrue());
			webex.verify(1, getRequestedFor(urlPathEqualTo("/v1/messages/m1")));
			assertThat(waits).isEmpty();
		}

		@Test
		void postWhenServerErrorThenIsNotRepeated() {
			webex.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(503)));

			assertThatExceptionOfType(WebexException.class).isThrownBy(() -> client().postMessage(reply()))
				.satisfies((ex) -> assertThat(ex.status()).isEqualTo(503));
			webex.verify(1, postRequestedFor(urlPathEqualTo("/v1/messages")));
		}

	}

	@Nested
	class NetworkFaults {

		@ParameterizedTest
		@EnumSource(Fault.class)
		void getWhenFaultPersistsThenRetriedThreeTimesAndFailsAsNoAnswer(Fault fault) {
			webex.stubFor(get(urlPathMatching("/v1/messages/.*")).willReturn(aResponse().withFault(fault)));

			assertThatExceptionOfType(WebexException.class).isThrownBy(() -> client().message("m1"))
				.satisfies((ex) -> assertThat(ex.status()).isZero());
			webex.verify(4, getRequestedFor(urlPathEqualTo("/v1/messages/m1")));
			assertThat(waits).hasSize(3);
		}

		@ParameterizedTest
		@EnumSource(Fault.class)
		void getWhenFaultHappensOnceThenTheRetrySucceeds(Fault fault) {
			stubMessageSequence(aResponse().withFault(fault));

			assertThat(client().message("m1").id()).isEqualTo("m1");
			webex.verify(2, getRequestedFor(urlPathEqualTo("/v1/messages/m1")));
		}

		@ParameterizedTest
		@EnumSource(Fault.class)
		void replyPostWhenFaultThenNotRepeated(Fault fault) {
			webex.stubFor(post("/v1/messages").willReturn(aResponse().withFault(fault)));

			assertThatExceptionOfType(WebexException.class).isThrownBy(() -> client().postMessage(reply()))
				.satisfies((ex) -> assertThat(ex.status()).isZero());
			webex.verify(1, postRequestedFor(urlPathEqualTo("/v1/messages")));
			assertThat(waits).isEmpty();
		}

	}

	@Nested
	class Timeouts {

		@Test
		void getWhenSlowerThanTheReadTimeoutThenFailsWithinTheTimeoutAndNoThreadStaysStuck() throws Exception {
			webex
				.stubFor(get(urlPathMatching("/v1/messages/.*")).willReturn(okJson(MESSAGE_JSON).withFixedDelay(6000)));
			WebexClient client = client(properties(Duration.ofSeconds(2)));
			ExecutorService callers = Executors.newFixedThreadPool(3);
			try {
				List<Future<Long>> elapsed = new ArrayList<>();
				for (int i = 0; i < 3; i++) {
					elapsed.add(callers.submit(() -> {
						long start = System.nanoTime();
						assertThatExceptionOfType(WebexException.class).isThrownBy(() -> client.message("m1"))
							.satisfies((ex) -> assertThat(ex.status()).isZero());
						return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
					}));
				}
				for (Future<Long> future : elapsed) {
					assertThat(future.get(5, TimeUnit.SECONDS)).isBetween(1800L, 2200L);
				}
			}
			finally {
				callers.shutdownNow();
			}
			assertThat(callers.awaitTermination(1, TimeUnit.SECONDS)).isTrue();
			assertThat(threadsInside(WebexClient.class)).isEmpty();
			assertThat(threadsInside(WebexRest.class)).isEmpty();
			webex.verify(3, getRequestedFor(urlPathEqualTo("/v1/messages/m1")));
			assertThat(waits).isEmpty();
		}

		private List<String> threadsInside(Class<?> type) {
			List<String> stuck = new ArrayList<>();
			for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
				for (StackTraceElement frame : thread.getValue()) {
					if (frame.getClassName().equals(type.getName())
							|| frame.getClassName().startsWith(type.getName() + "$")) {
						stuck.add(thread.getKey().getName());
						break;
					}
				}
			}
			return stuck;
		}

	}

	@Nested
	class Bulkhead {

		@Test
		void fiftyConcurrentCallsWithRandomDelaysNeverExceedTheLimit() throws Exception {
			assertThat(maxInFlight(8)).isEqualTo(8);
		}

		@Test
		void defaultLimitOfThirtyTwoHoldsForFiftyConcurrentCalls() throws Exception {
			assertThat(maxInFlight(32)).isBetween(2, 32);
		}

		private int maxInFlight(int limit) throws Exception {
			webex.stubFor(get(urlPathMatching("/v1/messages/.*"))
				.willReturn(okJson(MESSAGE_JSON).withUniformRandomDelay(20, 120)));
			InFlight inFlight = new InFlight();
			WebexClient client = client(properties(Duration.ofSeconds(15)).withBulkhead(limit, Duration.ofSeconds(30)),
					inFlight);
			ExecutorService callers = Executors.newFixedThreadPool(50);
			try {
				List<Future<Message>> calls = new ArrayList<>();
				for (int i = 0; i < 50; i++) {
					String id = "m" + i;
					calls.add(callers.submit(() -> client.message(id)));
				}
				for (Future<Message> call : calls) {
					assertThat(call.get(30, TimeUnit.SECONDS).id()).isEqualTo("m1");
				}
			}
			finally {
				callers.shutdownNow();
			}
			assertThat(inFlight.now.get()).isZero();
			return inFlight.max.get();
		}

	}

	@Nested
	class Pagination {

		@Test
		void listWhenNextLinkPointsBackToItselfThenStopsAtThePageCap() {
			String self = webex.baseUrl() + "/v1/admin/recordings?meetingId=s1&max=100";
			webex.stubFor(get(urlPathEqualTo("/v1/admin/recordings")).willReturn(
					okJson("{\"items\":[{\"id\":\"r1\"}]}").withHeader("Link", "<" + self + ">; rel=\"next\"")));

			List<Recording> recordings = officerClient().adminRecordingsOfMeeting("s1");

			assertThat(recordings).hasSize(10);
			webex.verify(10, getRequestedFor(urlPathEqualTo("/v1/admin/recordings")));
		}

		@Test
		void listWhenItemsAreMissingOrEmptyThenEmpty() {
			webex.stubFor(get(urlPathEqualTo("/v1/admin/recordings")).willReturn(okJson("{}")));
			assertThat(officerClient().adminRecordingsOfMeeting("s1")).isEmpty();

			webex.stubFor(get(urlPathEqualTo("/v1/admin/meetings")).willReturn(okJson("{\"items\":[]}")));
			assertThat(officerClient().adminMeetingsByNumber("123456789")).isEmpty();
		}

		@Test
		void detailsWithoutTemporaryLinksThenNullLinks() {
			webex.stubFor(get("/v1/recordings/r1").willReturn(okJson("{\"id\":\"r1\",\"topic\":\"T\"}")));

			assertThat(officerClient().recording("r1").temporaryDirectDownloadLinks()).isNull();
		}

	}

	// helpers
	// -----------------------------------------------------------------------------------

	void stubMessageSequence(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... failures) {
		String state = Scenario.STARTED;
		for (int i = 0; i < failures.length; i++) {
			String next = "failed " + (i + 1);
			webex.stubFor(get(urlPathMatching("/v1/messages/.*")).inScenario("faults")
				.whenScenarioStateIs(state)
				.willReturn(failures[i])
				.willSetStateTo(next));
			state = next;
		}
		webex.stubFor(get(urlPathMatching("/v1/messages/.*")).inScenario("faults")
			.whenScenarioStateIs(state)
			.willReturn(okJson(MESSAGE_JSON)));
	}

	WebexClient client() {
		return client(properties(Duration.ofSeconds(5)));
	}

	WebexClient client(WebexProperties properties, ClientHttpRequestInterceptor... inner) {
		return new WebexClient(properties, RestClient.builder(), WebexClientFixture.http(properties),
				interceptors(properties, inner));
	}

	WebexOfficerClient officerClient() {
		WebexProperties properties = properties(Duration.ofSeconds(5));
		return new WebexOfficerClient(properties, RestClient.builder(), WebexClientFixture.http(properties),
				interceptors(properties), WebexClientFixture.fixedToken("officer"));
	}

	List<ClientHttpRequestInterceptor> interceptors(WebexProperties properties, ClientHttpRequestInterceptor... inner) {
		List<ClientHttpRequestInterceptor> all = new ArrayList<>();
		all.add(new WebexResilience(properties, clock(), this.waits::add, new SplittableRandom(7)));
		all.addAll(List.of(inner));
		return all;
	}

	static WebexProperties properties(Duration readTimeout) {
		return WebexProperties.of(URI.create(webex.baseUrl() + "/v1"), "bot-token", null, Duration.ofSeconds(1),
				readTimeout);
	}

	static Clock clock() {
		return Clock.fixed(NOW, ZoneOffset.UTC);
	}

	static NewMessage reply() {
		return new NewMessage("r1", null, "hello", null);
	}

	/** Counts the calls that reached the network at once, inside the bulkhead. */
	static final class InFlight implements ClientHttpRequestInterceptor {

		final AtomicInteger now = new AtomicInteger();

		final AtomicInteger max = new AtomicInteger();

		@Override
		public org.springframework.http.client.ClientHttpResponse intercept(
				org.springframework.http.HttpRequest request, byte[] body,
				org.springframework.http.client.ClientHttpRequestExecution execution) throws java.io.IOException {
			this.max.accumulateAndGet(this.now.incrementAndGet(), Math::max);
			try {
				return execution.execute(request, body);
			}
			finally {
				this.now.decrementAndGet();
			}
		}

	}

}
