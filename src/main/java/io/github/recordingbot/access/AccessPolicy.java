package io.github.recordingbot.access;

import java.util.Objects;

import org.springframework.stereotype.Component;

/**
 * Decides whether a sender gets a meeting's recordings, with facts from the Webex API
 * only, never from what the user typed. The same policy serves text commands, card
 * submits and forwarded recordings. An error while checking a rule denies.
 */
@Component
public class AccessPolicy {

	private final AccessRules rules;

	public AccessPolicy(AccessRules rules) {
		this.rules = rules;
	}

	/**
	 * Whether the personal-room check is needed at all for this sender and meeting.
	 * @param requesterPersonId the sender
	 * @param hostUserId the meeting's host, from the API
	 * @return {@code true} when the answer depends on whether the meeting is a personal
	 * room
	 */
	public boolean needsPersonalRoomCheck(String requesterPersonId, String hostUserId) {
		AccessConfig config = this.rules.current();
		return config.protectPmr() && !config.respondOnlyToHost() && !isHost(requesterPersonId, hostUserId);
	}

	/**
	 * Decides before the recordings are listed, on the host rule alone.
	 * @param requesterPersonId the sender
	 * @param hostUserId the meeting's host, from the API
	 * @return the decision
	 */
	public Verdict checkHost(String requesterPersonId, String hostUserId) {
		if (this.rules.current().respondOnlyToHost() && !isHost(requesterPersonId, hostUserId)) {
			return Verdict.deny("host_only", "refusal.hostOnly");
		}
		return Verdict.ALLOW;
	}

	/**
	 * Decides on the personal-room rule.
	 * @param requesterPersonId the sender
	 * @param hostUserId the meeting's host, from the API
	 * @param personalRoom what the personal-room check found
	 * @return the decision
	 */
	public Verdict checkPersonalRoom(String requesterPersonId, String hostUserId, PersonalRoom personalRoom) {
		if (!needsPersonalRoomCheck(requesterPersonId, hostUserId)) {
			return Verdict.ALLOW;
		}
		return switch (personalRoom) {
			case NOT_PERSONAL_ROOM -> Verdict.ALLOW;
			case PERSONAL_ROOM -> Verdict.deny("pmr_owner_only", "refusal.personalRoom");
			case UNKNOWN -> Verdict.deny("pmr_check_failed", "refusal.personalRoomUnverified");
			case NOT_CHECKABLE -> Verdict.deny("pmr_not_checkable", "refusal.personalRoomNotCheckable");
		};
	}

	private static boolean isHost(String requesterPersonId, String hostUserId) {
		return requesterPersonId != null && hostUserId != null && Objects.equals(requesterPersonId, hostUserId);
	}

	/** What the personal-room check found. */
	public enum PersonalRoom {

		PERSONAL_ROOM, NOT_PERSONAL_ROOM,

		/** The check could not be made (error, 429, timeout): fail closed. */
		UNKNOWN,

		/**
		 * The authorization may not read other people's personal rooms, and the meeting
		 * does not say: fail closed.
		 */
		NOT_CHECKABLE

	}

	/**
	 * A decision of the policy.
	 *
	 * @param allowed whether the sender may have the recordings
	 * @param reason the audit reason code when denied
	 * @param messageKey the key of the refusal text when denied
	 */
	public record Verdict(boolean allowed, String reason, String messageKey) {

		public static final Verdict ALLOW = new Verdict(true, null, null);

		static Verdict deny(String reason, String messageKey) {
			return new Verdict(false, reason, messageKey);
		}

	}

}
