package io.github.recordingbot.websocket;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The leader election's settings fail fast and name their key. */
class WebsocketLeaderPropertiesTests {

	@Test
	void acceptsTheDefaults() {
		WebsocketLeaderProperties properties = new WebsocketLeaderProperties(Duration.ofSeconds(1),
				Duration.ofSeconds(2));

		assertThat(properties.checkInterval()).hasSeconds(1);
	}

	@Test
	void refusesACheckIntervalThatIsZeroOrTooLongForATakeoverWithinSeconds() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebsocketLeaderProperties(Duration.ZERO, Duration.ofSeconds(2)))
			.withMessageContaining("bot.websocket.leader.check-interval");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebsocketLeaderProperties(Duration.ofSeconds(6), Duration.ofSeconds(2)))
			.withMessageContaining("bot.websocket.leader.check-interval");
	}

	@Test
	void refusesATimeoutOutsideATenthOfASecondToFiveSeconds() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebsocketLeaderProperties(Duration.ofSeconds(1), Duration.ofMillis(50)))
			.withMessageContaining("bot.websocket.leader.timeout");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebsocketLeaderProperties(Duration.ofSeconds(1), Duration.ofSeconds(6)))
			.withMessageContaining("bot.websocket.leader.timeout");
	}

}
