package io.github.recordingbot.sim;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.recordingbot.sim.SampleOrg.Person;

/**
 * What the simulated Webex remembers: messages and card actions (as Webex JSON), each
 * direct room's transcript for the demo page, and the bot's webhooks.
 */
final class SimState {

	private final SampleOrg org;

	private final Clock clock;

	private final Map<String, Map<String, Object>> messages = new ConcurrentHashMap<>();

	private final Map<String, Map<String, Object>> actions = new ConcurrentHashMap<>();

	private final Map<String, List<Map<String, Object>>> transcripts = new ConcurrentHashMap<>();

	private final Map<String, Map<String, Object>> webhooks = new ConcurrentHashMap<>();

	SimState(SampleOrg org, Clock clock) {
		this.org = org;
		this.clock = clock;
	}

	SampleOrg org() {
		return this.org;
	}

	/** A person typed a message to the bot in their direct room. */
	Map<String, Object> userMessage(Person person, String text) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("id", SampleOrg.id("MESSAGE", UUID.randomUUID().toString()));
		message.put("roomId", SampleOrg.roomId(person.id()));
		message.put("roomType", "direct");
		message.put("text", text);
		message.put("personId", person.id());
		message.put("personEmail", person.email());
		message.put("created", now());
		store(message);
		return message;
	}

	/** The bot posted a message ({@code POST /messages}); answers what Webex answers. */
	Map<String, Object> botMessage(Map<String, Object> body) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("id", SampleOrg.id("MESSAGE", UUID.randomUUID().toString()));
		Object roomId = body.get("roomId");
		if (roomId == null && body.get("toPersonId") != null) {
			roomId = SampleOrg.roomId(body.get("toPersonId").toString());
		}
		message.put("roomId", roomId);
		message.put("roomType", "direct");
		for (String field : List.of("text", "markdown", "attachments")) {
			if (body.get(field) != null) {
				message.put(field, body.get(field));
			}
		}
		message.put("personId", this.org.bot.id());
		message.put("personEmail", this.org.bot.email());
		message.put("created", now());
		store(message);
		return message;
	}

	private void store(Map<String, Object> message) {
		this.messages.put((String) message.get("id"), message);
		if (message.get("roomId") != null) {
			this.transcripts.computeIfAbsent((String) message.get("roomId"), (key) -> new CopyOnWriteArrayList<>())
				.add(message);
		}
	}

	Optional<Map<String, Object>> message(String id) {
		return Optional.ofNullable(this.messages.get(id));
	}

	/** A person submitted a card the bot sent. */
	Map<String, Object> attachmentAction(Person person, String messageId, Map<String, Object> inputs) {
		Map<String, Object> action = new LinkedHashMap<>();
		action.put("id", SampleOrg.id("ATTACHMENT_ACTION", UUID.randomUUID().toString()));
		action.put("type", "submit");
		action.put("messageId", messageId);
		action.put("personId", person.id());
		action.put("roomId", SampleOrg.roomId(person.id()));
		action.put("inputs", new LinkedHashMap<>(inputs));
		action.put("created", now());
		this.actions.put((String) action.get("id"), action);
		return action;
	}

	Optional<Map<String, Object>> attachmentAction(String id) {
		return Optional.ofNullable(this.actions.get(id));
	}

	/** The messages of a person's direct room with the bot, oldest first. */
	List<Map<String, Object>> transcript(String personId) {
		return new ArrayList<>(this.transcripts.getOrDefault(SampleOrg.roomId(personId), List.of()));
	}

	Map<String, Object> saveWebhook(String id, Map<String, Object> body) {
		Map<String, Object> webhook = new LinkedHashMap<>(this.webhooks.getOrDefault(id, Map.of()));
		webhook.putAll(body);
		webhook.put("id", id);
		webhook.putIfAbsent("status", "active");
		webhook.putIfAbsent("ownedBy", "creator");
		webhook.putIfAbsent("created", now());
		this.webhooks.put(id, webhook);
		return webhook;
	}

	List<Map<String, Object>> webhooks() {
		return new ArrayList<>(this.webhooks.values());
	}

	Optional<Map<String, Object>> webhook(String id) {
		return Optional.ofNullable(this.webhooks.get(id));
	}

	boolean deleteWebhook(String id) {
		return this.webhooks.remove(id) != null;
	}

	String now() {
		return Instant.now(this.clock).toString();
	}

}
