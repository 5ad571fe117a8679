package io.github.recordingbot.webex;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.github.recordingbot.webex.WebexModels.AttachmentAction;
import io.github.recordingbot.webex.WebexModels.Items;
import io.github.recordingbot.webex.WebexModels.Meeting;
import io.github.recordingbot.webex.WebexModels.Message;
import io.github.recordingbot.webex.WebexModels.NewMessage;
import io.github.recordingbot.webex.WebexModels.Person;
import io.github.recordingbot.webex.WebexModels.PersonalMeetingRoom;
import io.github.recordingbot.webex.WebexModels.Recording;
import io.github.recordingbot.webex.WebexModels.Room;
import io.github.recordingbot.webex.WebexModels.Webhook;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilder;

/**
 * The Webex REST client. Bot calls use the bot token; officer calls take the Compliance
 * Officer's token as an argument. No business rules live here.
 *
 * @see <a href="https://developer.webex.com/docs/api/v1/meetings">Webex Meetings API</a>
 */
@Component
public class WebexClient {

	private static final Logger logger = LoggerFactory.getLogger(WebexClient.class);

	private static final ParameterizedTypeReference<Items<Meeting>> MEETINGS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Items<Recording>> RECORDINGS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Items<Webhook>> WEBHOOKS = new ParameterizedTypeReference<>() {
	};

	private final WebexProperties properties;

	private final RestClient rest;

	public WebexClient(WebexProperties properties, WebexResilienceProperties resilience, RestClient.Builder builder,
			ObjectProvider<ClientHttpRequestInterceptor> interceptors) {
		this.properties = properties;
		HttpComponentsClientHttpRequestFactory requestFactory = new HttpComponentsClientHttpRequestFactory(
				httpClient(properties, resilience.maxConcurrentCalls()));
		requestFactory.setReadTimeout(properties.readTimeout());
		this.rest = builder.clone()
			.baseUrl(properties.apiBaseUrl().toString())
			.requestFactory(requestFactory)
			.requestInterceptors((list) -> interceptors.orderedStream().forEach(list::add))
			.defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
			.build();
	}

	/**
	 * A blocking client that does its I/O on the calling thread (the JDK client hands
	 * every call across its selector and worker threads). WebexResilience owns retries,
	 * so the client must never repeat a call itself: a repeated POST would post a reply
	 * twice.
	 */
	private static CloseableHttpClient httpClient(WebexProperties properties, int maxConcurrentCalls) {
		// The bulkhead bounds the calls in flight; a pool at least as large never makes a
		// call wait for a connection.
		int connections = Math.max(64, maxConcurrentCalls);
		PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
			.setMaxConnTotal(connections)
			.setMaxConnPerRoute(connections)
			.setDefaultConnectionConfig(ConnectionConfig.custom()
				.setConnectTimeout(Timeout.of(properties.connectTimeout()))
				.setSocketTimeout(Timeout.of(properties.readTimeout()))
				// A kept-alive connection the server has closed meanwhile would fail the
				// next POST, which is not retried.
				.setValidateAfterInactivity(TimeValue.ofSeconds(1))
				.setTimeToLive(TimeValue.ofMinutes(5))
				.build())
			.build();
		return HttpClients.custom()
			.setConnectionManager(pool)
			.setDefaultRequestConfig(RequestConfig.custom()
				.setResponseTimeout(Timeout.of(properties.readTimeout()))
				.setConnectionRequestTimeout(Timeout.of(properties.connectTimeout()))
				.build())
			.disableAutomaticRetries()
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableAuthCaching()
			.evictIdleConnections(TimeValue.ofSeconds(30))
			.evictExpiredConnections()
			.build();
	}

	// Bot identity
	// ----------------------------------------------------------------------------

	/** {@code GET /people/me} with the given token. */
	public Person me(String token) {
		return call("people/me", () -> get(token, (b) -> b.path("/people/me").build(), Person.class));
	}

	/** {@code GET /people/{id}} with the bot token. */
	public Person person(String personId) {
		return call("people/{id}", () -> get(botToken(), (b) -> b.path("/people/{id}").build(personId), Person.class));
	}

	/** {@code GET /messages/{id}} with the bot token. */
	public Message message(String messageId) {
		return call("messages/{id}",
				() -> get(botToken(), (b) -> b.path("/messages/{id}").build(messageId), Message.class));
	}

	/** {@code GET /attachment/actions/{id}} with the bot token. */
	public AttachmentAction attachmentAction(String actionId) {
		return call("attachment/actions/{id}", () -> get(botToken(),
				(b) -> b.path("/attachment/actions/{id}").build(actionId), AttachmentAction.class));
	}

	/** {@code GET /rooms/{id}} with the bot token. */
	public Room room(String roomId) {
		return call("rooms/{id}", () -> get(botToken(), (b) -> b.path("/rooms/{id}").build(roomId), Room.class));
	}

	/**
	 * {@code POST /messages} with the bot token. Never retried blindly: a retry may post
	 * twice.
	 */
	public Message postMessage(NewMessage message) {
		return call("POST messages", () -> send(this.rest.post().uri("/messages"), message, Message.class));
	}

	// Webhooks (bot token)
	// --------------------------------------------------------------------

	/** {@code GET /webhooks}, all pages. */
	public List<Webhook> webhooks() {
		return call("webhooks",
				() -> getAll(botToken(), URI.create(this.properties.apiBaseUrl() + "/webhooks?max=100"), WEBHOOKS));
	}

	/** {@code POST /webhooks}. */
	public Webhook createWebhook(Webhook webhook) {
		return call("POST webhooks", () -> send(this.rest.post().uri("/webhooks"), webhook, Webhook.class));
	}

	/**
	 * {@code PUT /webhooks/{id}}: Webex re-activates a disabled webhook when status is
	 * active.
	 */
	public Webhook updateWebhook(String id, Webhook webhook) {
		return call("PUT webhooks/{id}", () -> send(this.rest.put().uri("/webhooks/{id}", id), webhook, Webhook.class));
	}

	/** {@code DELETE /webhooks/{id}}. */
	public void deleteWebhook(String id) {
		run("DELETE webhooks/{id}",
				() -> this.rest.delete()
					.uri("/webhooks/{id}", id)
					.headers((h) -> h.setBearerAuth(botToken()))
					.retrieve()
					.toBodilessEntity());
	}

	// Officer calls: the documented Compliance Officer endpoints, which an admin token
	// may call as well. The user-level /meetings and /recordings answer an officer-only
	// token as for the officer's own meetings.
	// https://developer.webex.com/docs/meetings#meetings-api-scopes
	// ---------------------------------------------------------------------------

	/**
	 * {@code GET /admin/meetings?meetingNumber=…}: the current scheduled meeting of the
	 * series with that number, or the series itself when no scheduled meeting is left. A
	 * meeting number identifies the meeting: there is no host parameter.
	 */
	public List<Meeting> adminMeetingsByNumber(String officerToken, String meetingNumber) {
		return call("admin/meetings", () -> {
			Items<Meeting> items = get(officerToken,
					(b) -> b.path("/admin/meetings").queryParam("meetingNumber", meetingNumber).build(), MEETINGS);
			return (items != null && items.items() != null) ? items.items() : List.of();
		});
	}

	/**
	 * {@code GET /admin/meetings/{id}}: a series, scheduled meeting or meeting instance.
	 */
	public Meeting adminMeeting(String officerToken, String meetingId) {
		return call("admin/meetings/{id}",
				() -> get(officerToken, (b) -> b.path("/admin/meetings/{id}").build(meetingId), Meeting.class));
	}

	/**
	 * {@code GET /admin/recordings?meetingId=…}, all pages up to the page cap: every
	 * recording of a series (or of one scheduled meeting or instance). Webex ignores
	 * {@code from} and {@code to} with a meeting id, so the caller keeps its own window.
	 */
	public List<Recording> adminRecordingsOfMeeting(String officerToken, String meetingId) {
		URI first = adminRecordings().queryParam("meetingId", meetingId).queryParam("max", 100).build();
		return call("admin/recordings", () -> getAll(officerToken, first, RECORDINGS));
	}

	/**
	 * {@code GET /admin/recordings?from=…&to=…}, all pages up to the page cap: the
	 * recordings of the officer's site in the window, at most 30 days long.
	 */
	public List<Recording> adminRecordingsBetween(String officerToken, Instant from, Instant to) {
		URI first = window(from, to).queryParam("max", 100).build();
		return call("admin/recordings", () -> getAll(officerToken, first, RECORDINGS));
	}

	/**
	 * {@code GET /admin/recordings?from=…&to=…&max=1}, one page: the cheapest call that
	 * tells whether the authorization may list recordings.
	 */
	public List<Recording> adminRecordingsProbe(String officerToken, Instant from, Instant to) {
		URI first = window(from, to).queryParam("max", 1).build();
		return call("admin/recordings", () -> {
			Items<Recording> items = this.rest.get()
				.uri(first)
				.headers((h) -> h.setBearerAuth(officerToken))
				.retrieve()
				.body(RECORDINGS);
			return (items != null && items.items() != null) ? items.items() : List.of();
		});
	}

	private UriBuilder window(Instant from, Instant to) {
		return adminRecordings().queryParam("from", from.toString()).queryParam("to", to.toString());
	}

	private UriBuilder adminRecordings() {
		return new DefaultUriBuilderFactory(this.properties.apiBaseUrl().toString()).builder()
			.path("/admin/recordings");
	}

	/**
	 * {@code GET /recordings/{id}}: the details, the only place with temporary links. A
	 * Compliance Officer must not send {@code hostEmail} here.
	 */
	public Recording recording(String officerToken, String recordingId) {
		return call("recordings/{id}",
				() -> get(officerToken, (b) -> b.path("/recordings/{id}").build(recordingId), Recording.class));
	}

	/**
	 * {@code GET /meetingPreferences/personalMeetingRoom?userEmail=…}: {@code userEmail}
	 * is honoured only with {@code meeting:admin_preferences_read}; any other token gets
	 * its own personal room, so callers ask only when that scope was granted.
	 */
	public PersonalMeetingRoom personalMeetingRoom(String officerToken, String userEmail) {
		return call("meetingPreferences/personalMeetingRoom", () -> get(officerToken,
				(b) -> b.path("/meetingPreferences/personalMeetingRoom").queryParam("userEmail", userEmail).build(),
				PersonalMeetingRoom.class));
	}

	// Plumbing
	// --------------------------------------------------------------------------------

	private String botToken() {
		if (!this.properties.hasBotToken()) {
			throw new WebexException("BOT_ACCESS_TOKEN is not set", 401, null, null, null);
		}
		return this.properties.botAccessToken();
	}

	/** Sends a JSON body with the bot token: the bot is the only identity that writes. */
	private <T> T send(RestClient.RequestBodySpec request, Object body, Class<T> type) {
		return request.headers((h) -> h.setBearerAuth(botToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(type);
	}

	private <T> T get(String token, Function<UriBuilder, URI> uri, Class<T> type) {
		return this.rest.get().uri(uri).headers((h) -> h.setBearerAuth(token)).retrieve().body(type);
	}

	private <T> T get(String token, Function<UriBuilder, URI> uri, ParameterizedTypeReference<T> type) {
		return this.rest.get().uri(uri).headers((h) -> h.setBearerAuth(token)).retrieve().body(type);
	}

	private <T> List<T> getAll(String token, URI first, ParameterizedTypeReference<Items<T>> type) {
		List<T> all = new ArrayList<>();
		URI next = first;
		for (int page = 0; next != null && page < this.properties.maxPages(); page++) {
			ResponseEntity<Items<T>> response = this.rest.get()
				.uri(next)
				.headers((h) -> h.setBearerAuth(token))
				.retrieve()
				.toEntity(type);
			if (response.getBody() != null && response.getBody().items() != null) {
				all.addAll(response.getBody().items());
			}
			next = LinkHeader.next(response.getHeaders().get(HttpHeaders.LINK), this.properties.apiBaseUrl(), first);
		}
		if (next != null) {
			logger.warn("Stopped after {} pages of {}; the rest is left out", this.properties.maxPages(),
					first.getPath());
		}
		return all;
	}

	private <T> T call(String endpoint, java.util.function.Supplier<T> call) {
		try {
			return call.get();
		}
		catch (WebexException ex) {
			throw ex;
		}
		catch (RestClientResponseException ex) {
			HttpHeaders headers = ex.getResponseHeaders();
			String trackingId = (headers != null) ? headers.getFirst("trackingId") : null;
			Duration retryAfter = (headers != null)
					? RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER), Instant.now()) : null;
			logger.info("Webex {} answered {} (trackingId {})", endpoint, ex.getStatusCode().value(), trackingId);
			throw new WebexException("Webex " + endpoint + " answered " + ex.getStatusCode().value(),
					ex.getStatusCode().value(), trackingId, retryAfter, ex);
		}
		catch (RestClientException ex) {
			logger.info("Webex {} gave no usable answer: {}", endpoint, ex.getClass().getSimpleName());
			throw new WebexException("Webex " + endpoint + " gave no usable answer", 0, null, null, ex);
		}
	}

	private void run(String endpoint, Runnable call) {
		call(endpoint, () -> {
			call.run();
			return null;
		});
	}

}
