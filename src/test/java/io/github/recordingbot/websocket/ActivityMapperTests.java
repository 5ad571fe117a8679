package io.github.recordingbot.websocket;

import java.time.Instant;

import io.github.recordingbot.conversation.ChatEvent;
import io.github.recordingbot.conversation.ChatEvent.Kind;
import io.github.recordingbot.websocket.MercurySession.End;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Activity ids become public REST ids in the conversation's cluster; odd activities
 * become nothing.
 */
class ActivityMapperTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	@Test
	void postInANonUsClusterGetsThatClustersMessageIdButAUsPersonId() {
		ActivityMapper mapper = new ActivityMapper((url) -> "urn:TEAM:eu-central-1_k");

		ChatEvent event = mapper
			.toEvent(JSON.readTree(Activities.post("11111111-0000-4000-8000-000000000001", "a11ce000-1")), NOW)
			.orElseThrow();

		assertThat(event.kind()).isEqualTo(Kind.MESSAGE);
		assertThat(
				ActivityMapper.publicId("urn:TEAM:eu-central-1_k", "MESSAGE", "11111111-0000-4000-8000-000000000001"))
			.isEqualTo(event.eventId());
		assertThat(event.personId()).isEqualTo(ActivityMapper.publicId("us", "PEOPLE", "a11ce000-1"));
		assertThat(event.received()).isEqualTo(NOW);
	}

	@Test
	void shareWithAMalformedMeetingInstanceIdIsAnOrdinaryMessage() {
		ActivityMapper mapper = new ActivityMapper((url) -> "us");

		ChatEvent event = mapper
			.toEvent(JSON.readTree(Activities.meetingShare("33333333-1", "a11ce000-1", "../../people/me")), NOW)
			.orElseThrow();

		assertThat(event.kind()).isEqualTo(Kind.MESSAGE);
		assertThat(event.meetingInstanceId()).isNull();
	}

	@Test
	void unknownVerbsAndActivitiesWithoutActorAreDropped() {
		ActivityMapper mapper = new ActivityMapper((url) -> "us");

		assertThat(mapper.toEvent(JSON.readTree(Activities.activity("1", "acknowledge", "a11ce000-1", "PERSON", "{}")),
				NOW))
			.isEmpty();
		assertThat(mapper.toEvent(JSON.readTree("{\"id\":\"1\",\"verb\":\"post\"}"), NOW)).isEmpty();
	}

	@Test
	void closeCodesDecideBetweenReconnectReregisterAndStop() {
		assertThat(MercuryClient.next(End.closed(4000, "replaced", false))).isEqualTo(MercuryClient.Next.STOP);
		assertThat(MercuryClient.next(End.closed(4403, "Forbidden", false))).isEqualTo(MercuryClient.Next.STOP);
		assertThat(MercuryClient.next(End.closed(4401, "NotAuthorized", false)))
			.isEqualTo(MercuryClient.Next.REREGISTER);
		assertThat(MercuryClient.next(new End(0, "handshake refused", 404, false)))
			.isEqualTo(MercuryClient.Next.REREGISTER);
		assertThat(MercuryClient.next(End.closed(1006, "", false))).isEqualTo(MercuryClient.Next.RECONNECT);
		assertThat(MercuryClient.next(End.closed(1000, "pong not received", true)))
			.isEqualTo(MercuryClient.Next.RECONNECT);
	}

}
