package io.github.recordingbot.conversation;

import java.util.List;
import java.util.UUID;

import io.github.recordingbot.support.BotEndToEndTest;
import io.github.recordingbot.support.BotTestSupport;
import io.github.recordingbot.support.TestClock;
import io.github.recordingbot.support.WebexFake;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static io.github.recordingbot.support.BotTestSupport.WEBEX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sender outside the allow-list who writes sixty times in a row gets one answer and one
 * audit line, and the other fifty-nine refusals are still accounted for in the audit log.
 */
class RefusalQuietingEndToEndTests extends BotEndToEndTest {

	final String outsider = WebexFake.personId("outsider-" + UUID.randomUUID());

	@Autowired
	Conversation conversation;

	@Autowired
	RefusalSummaries summaries;

	@Test
	void sixtyMessagesFromAnOutsiderGetOneAnswerAndOneAuditLineUntilTheSummary() {
		for (int i = 0; i < 60; i++) {
			this.conversation.handle(message("quiet-" + i));
		}

		assertThat(WEBEX.replies()).hasSize(1);
		assertThat(linesOfOutsider()).singleElement().satisfies((line) -> {
			assertThat(line.get("eventId").asString()).isEqualTo("quiet-0");
			assertThat(line.get("decision").asString()).isEqualTo("denied");
			assertThat(line.get("reason").asString()).isEqualTo("not_approved");
			assertThat(line.get("suppressed").asLong()).isZero();
		});
		// The window has not closed yet: nothing to summarise.
		this.summaries.writeClosedWindows();
		assertThat(linesOfOutsider()).hasSize(1);

		this.summaries.writeAll();

		List<JsonNode> lines = linesOfOutsider();
		assertThat(lines).hasSize(2);
		JsonNode summary = lines.get(1);
		assertThat(summary.get("command").asString()).isEqualTo("summary");
		assertThat(summary.get("decision").asString()).isEqualTo("denied");
		assertThat(summary.get("reason").asString()).isEqualTo("not_approved");
		assertThat(summary.get("suppressed").asLong()).isEqualTo(59);
		assertThat(summary.get("requester").get("email").asString()).isEqualTo("stranger@elsewhere.example");
		assertThat(WEBEX.replies()).hasSize(1);
	}

	ChatEvent message(String id) {
		WEBEX.message(id, this.outsider, "stranger@elsewhere.example", "direct", "rec 123456789");
		return new ChatEvent(ChatEvent.Kind.MESSAGE, id, this.outsider, "stranger@elsewhere.example", null,
				TestClock.now());
	}

	List<JsonNode> linesOfOutsider() {
		return BotTestSupport.auditLines()
			.stream()
			.filter((line) -> this.outsider.equals(line.path("requester").path("personId").asString("")))
			.toList();
	}

}
