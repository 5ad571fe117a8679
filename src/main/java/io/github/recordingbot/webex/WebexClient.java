package io.github.recordingbot.webex;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

import io.github.recordingbot.webex.WebexModels.AttachmentAction;
import io.github.recordingbot.webex.WebexModels.Items;
import io.github.recordingbot.webex.WebexModels.Message;
import io.github.recordingbot.webex.WebexModels.NewMessage;
import io.github.recordingbot.webex.WebexModels.Person;
import io.github.recordingbot.webex.WebexModels.Room;
import io.github.recordingbot.webex.WebexModels.Webhook;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * The bot's Webex client: messages, people, rooms, card actions and webhooks, with the
 * bot token set by its interceptor. The Compliance Officer's calls live in
 * {@link WebexOfficerClient}. No business rules live here.
 *
 * @see <a href="https://developer.webex.com/docs/api/v1/messages">Webex Messages API</a>
 */
public class WebexClient {

	private static final ParameterizedTypeReference<Items<Webhook>> WEBHOOKS = new ParameterizedTypeReference<>() {
	};

	private final WebexProperties properties;

	private final WebexRest webex;

	/**
	 * Built by {@link WebexConfiguration}, which gives it its interceptors.
	 * @param interceptors outermost first; the bot token's comes before them
	 */
	WebexClient(WebexProperties properties, RestClient.Builder builder, WebexHttp http,
			List<ClientHttpRequestInterceptor> interceptors) {
		this.properties = properties;
		this.webex = new WebexRest(properties, builder, http, interceptors, botToken(properties));
	}

	/**
	 * Sets the bot token on every call that does not carry a token of its own (only
	 * {@link #me(String)} does).
	 */
	private static ClientHttpRequestInterceptor botToken(WebexProperties properties) {
		return (request, body, execution) -> {
			if (request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION) == null) {
				if (!properties.hasBotToken()) {
					throw new WebexNotAuthorizedException("BOT_ACCESS_TOKEN is not set");
				}
				request.getHeaders().setBearerAuth(properties.botAccessToken());
			}
			return execution.execute(request, body);
		};
	}

	// Identity
	// ----------------------------------------------------------------------------

	/** {@code GET /people/me} with the bot token: who the bot is. */
	public Person me() {
		return this.webex.call("people/me", () -> get((b) -> b.path("/people/me").build(), Person.class));
	}

	/**
	 * {@code GET /people/me} with the given token. The one call that takes a token: a new
	 * officer authorization is checked with it before it is stored, so no interceptor
	 * knows it yet.
	 */
	public Person me(String token) {
		return this.webex.call("people/me",
				() -> this.webex.rest()
					.get()
					.uri("/people/me")
					.headers((h) -> h.setBearerAuth(token))
					.retrieve()
					.body(Person.class));
	}

	/** {@code GET /people/{id}}. */
	public Person person(String personId) {
		return this.webex.call("people/{id}", () -> get((b) -> b.path("/people/{id}").build(personId), Person.class));
	}

	/** {@code GET /messages/{id}}. */
	public Message message(String messageId) {
		return this.webex.call("messages/{id}",
				() -> get((b) -> b.path("/messages/{id}").build(messageId), Message.class));
	}

	/** {@code GET /attachment/actions/{id}}. */
	public AttachmentAction attachmentAction(String actionId) {
		return this.webex.call("attachment/actions/{id}",
				() -> get((b) -> b.path("/attachment/actions/{id}").build(actionId), AttachmentAction.class));
	}

	/** {@code GET /rooms/{id}}. */
	public Room room(String roomId) {
		return this.webex.call("rooms/{id}", () -> get((b) -> b.path("/rooms/{id}").build(roomId), Room.class));
	}

	/** {@code POST /messages}. Never retried blindly: a retry may post twice. */
	public Message postMessage(NewMessage message) {
		return this.webex.call("POST messages",
				() -> send(this.webex.rest().post().uri("/messages"), message, Message.class));
	}

	// Webhooks
	// --------------------------------------------------------------------

	/** {@code GET /webhooks}, all pages. */
	public List<Webhook> webhooks() {
		return this.webex.call("webhooks",
				() -> this.webex.getAll(URI.create(this.properties.apiBaseUrl() + "/webhooks?max=100"), WEBHOOKS));
	}

	/** {@code POST /webhooks}. */
	public Webhook createWebhook(Webhook webhook) {
		return this.webex.call("POST webhooks",
				() -> send(this.webex.rest().post().uri("/webhooks"), webhook, Webhook.class));
	}

	/**
	 * {@code PUT /webhooks/{id}}: Webex re-activates a disabled webhook when status is
	 * active.
	 */
	public Webhook updateWebhook(String id, Webhook webhook) {
		return this.webex.call("PUT webhooks/{id}",
				() -> send(this.webex.rest().put().uri("/webhooks/{id}", id), webhook, Webhook.class));
	}

	/** {@code DELETE /webhooks/{id}}. */
	public void deleteWebhook(String id) {
		this.webex.run("DELETE webhooks/{id}",
				() -> this.webex.rest().delete().uri("/webhooks/{id}", id).retrieve().toBodilessEntity());
	}

	// Plumbing
	// --------------------------------------------------------------------------------

	private <T> T send(RestClient.RequestBodySpec request, Object body, Class<T> type) {
		return request.contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(type);
	}

	private <T> T get(Function<UriBuilder, URI> uri, Class<T> type) {
		return this.webex.rest().get().uri(uri).retrieve().body(type);
	}

}
