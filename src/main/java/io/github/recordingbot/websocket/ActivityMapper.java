package io.github.recordingbot.websocket;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import io.github.recordingbot.conversation.ChatEvent;
import io.github.recordingbot.conversation.ChatEvent.Kind;
import tools.jackson.databind.JsonNode;

import org.jspecify.annotations.Nullable;

/**
 * Turns a Mercury {@code conversation.activity} into the {@link ChatEvent} the webhook
 * would have produced. Everything in the activity is a pointer: the conversation fetches
 * the message or card action over REST and decides on what the API says, the room and its
 * type included; the activity's room is not passed on.
 *
 * <p>
 * Public ids are {@code base64url("ciscospark://<cluster>/<TYPE>/<uuid>")} without
 * padding, as webex-js-sdk builds them; person ids always use the {@code us} cluster.
 */
final class ActivityMapper {

	private static final int MAX_ID_LENGTH = 200;

	/**
	 * Meeting ids are hex with {@code _I_} and digits for an instance; anything else is
	 * not one.
	 */
	private static final Pattern MEETING_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

	private final UnaryOperator<String> clusterOfConversation;

	/**
	 * @param clusterOfConversation the public-id cluster for a conversation URL
	 * ({@code us} for the US cluster)
	 */
	ActivityMapper(UnaryOperator<String> clusterOfConversation) {
		this.clusterOfConversation = clusterOfConversation;
	}

	/**
	 * The chat event an activity stands for, if any.
	 * @param activity {@code data.activity} of the frame
	 * @param received when the frame arrived
	 * @return the event; empty for verbs the bot does not answer and for bots' activities
	 */
	Optional<ChatEvent> toEvent(JsonNode activity, Instant received) {
		String activityId = text(activity.path("id"));
		String verb = text(activity.path("verb"));
		JsonNode actor = activity.path("actor");
		String actorUuid = text(actor.path("entryUUID"));
		if (activityId == null || verb == null || actorUuid == null) {
			return Optional.empty();
		}
		// Bots (ourselves included) are dropped here, before any call; ChatEvents checks
		// the ids again.
		String actorType = text(actor.path("type"));
		if (actorType != null && !"PERSON".equalsIgnoreCase(actorType)) {
			return Optional.empty();
		}
		// The target names the conversation only to find the cluster of the public ids;
		// the room to answer in comes from Webex's record of the message or action.
		String cluster = this.clusterOfConversation.apply(text(activity.path("target").path("url")));
		String personId = publicId("us", "PEOPLE", actorUuid);
		String email = text(actor.path("emailAddress"));
		JsonNode object = activity.path("object");
		return switch (verb) {
			case "post" -> Optional.of(new ChatEvent(Kind.MESSAGE, publicId(cluster, "MESSAGE", activityId), personId,
					email, null, received));
			case "cardAction" -> Optional.of(new ChatEvent(Kind.CARD_ACTION,
					publicId(cluster, "ATTACHMENT_ACTION", activityId), personId, email, null, received));
			case "share" ->
				Optional.of(share(object, publicId(cluster, "MESSAGE", activityId), personId, email, received));
			default -> Optional.empty();
		};
	}

	/**
	 * A forwarded Space meeting recording carries its meeting instance in clear text; any
	 * other share (files) is an ordinary message and gets the ordinary answer.
	 */
	private static ChatEvent share(JsonNode object, String messageId, String personId, String email, Instant received) {
		String instanceId = text(object.path("meetingInstanceId"));
		if ("meetingContainer".equals(text(object.path("objectType"))) && instanceId != null
				&& MEETING_ID.matcher(instanceId).matches()) {
			return new ChatEvent(Kind.SHARE, messageId, personId, email, instanceId, received);
		}
		return new ChatEvent(Kind.MESSAGE, messageId, personId, email, null, received);
	}

	static String publicId(String cluster, String type, String uuid) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("ciscospark://" + cluster + "/" + type + "/" + uuid).getBytes(StandardCharsets.UTF_8));
	}

	private static @Nullable String text(JsonNode node) {
		if (node == null || !node.isString()) {
			return null;
		}
		String value = node.asString();
		return (value.isBlank() || value.length() > MAX_ID_LENGTH) ? null : value;
	}

}
