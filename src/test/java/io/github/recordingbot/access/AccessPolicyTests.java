package io.github.recordingbot.access;

import java.util.List;

import io.github.recordingbot.access.AccessPolicy.PersonalRoom;
import io.github.recordingbot.access.AccessPolicy.Refusal;
import io.github.recordingbot.access.AccessPolicy.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one access policy: who the bot answers and where, and who gets a meeting's
 * recordings.
 */
class AccessPolicyTests {

	static final AccessConfig HOST_ONLY = new AccessConfig(List.of(), List.of("example.com"), true, true, "en_US", 30,
			List.of(), AccessConfig.RateLimit.DEFAULTS);

	static final AccessConfig PROTECT_PMR = new AccessConfig(List.of(), List.of("example.com"), false, true, "en_US",
			30, List.of(), AccessConfig.RateLimit.DEFAULTS);

	@Test
	void admitWhenSenderIsApprovedInADirectRoomThenAllows() {
		assertThat(new AccessPolicy(() -> HOST_ONLY).admit("alice@example.com", true)).isEqualTo(Verdict.ALLOW);
	}

	@Test
	void admitWhenSenderIsNotApprovedThenRefusesWhateverTheRoom() {
		AccessPolicy policy = new AccessPolicy(() -> HOST_ONLY);

		assertThat(policy.admit("mallory@example.org", true).refusal()).isEqualTo(Refusal.NOT_APPROVED);
		assertThat(policy.admit("mallory@example.org", false).refusal()).isEqualTo(Refusal.NOT_APPROVED);
	}

	@Test
	void admitWhenApprovedSenderIsInAGroupRoomThenRefuses() {
		assertThat(new AccessPolicy(() -> HOST_ONLY).admit("alice@example.com", false).refusal())
			.isEqualTo(Refusal.GROUP_ROOM);
	}

	@Test
	void checkHostWhenHostOnlyAndSenderIsNotHostThenRefuses() {
		AccessPolicy policy = new AccessPolicy(() -> HOST_ONLY);

		assertThat(policy.checkHost("bob", "alice").refusal()).isEqualTo(Refusal.HOST_ONLY);
		assertThat(policy.checkHost("alice", "alice")).isEqualTo(Verdict.ALLOW);
		assertThat(policy.checkHost(null, null).refusal()).isEqualTo(Refusal.HOST_ONLY);
	}

	@Test
	void checkPersonalRoomWhenTheCheckFailsThenRefuses() {
		AccessPolicy policy = new AccessPolicy(() -> PROTECT_PMR);

		assertThat(policy.checkPersonalRoom("bob", "alice", PersonalRoom.PERSONAL_ROOM).refusal())
			.isEqualTo(Refusal.PMR_OWNER_ONLY);
		assertThat(policy.checkPersonalRoom("bob", "alice", PersonalRoom.UNKNOWN).refusal())
			.isEqualTo(Refusal.PMR_CHECK_FAILED);
		assertThat(policy.checkPersonalRoom("bob", "alice", PersonalRoom.NOT_CHECKABLE).refusal())
			.isEqualTo(Refusal.PMR_NOT_CHECKABLE);
		assertThat(policy.checkPersonalRoom("alice", "alice", PersonalRoom.PERSONAL_ROOM)).isEqualTo(Verdict.ALLOW);
	}

}
