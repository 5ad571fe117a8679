package io.github.recordingbot.access;

import java.util.Objects;

import org.springframework.stereotype.Component;

/**
 * Every access decision of the bot, on the rules of the latest {@code config.json}: who
 * may talk to the bot and where (the sender allow-list, 1-1 rooms only), and who gets a
 * meeting's recordings (host only, personal rooms). Decisions rest on facts from the
 * Webex API only, never on what the user typed. The same policy serves text commands,
 * card submits and forwarded recordings. An error while checking a rule denies.
 */
@Component
public class AccessPolicy {

	private final AccessRules rules;

	public AccessPolicy(AccessRules rules) {
		this.rules = rules;
	}

	/**
	 * Decides whether the bot answers a sender at all: the sender must be on the
	 * allow-list, and the message or card action in a 1-1 room.
	 * @param senderEmail the sender's e-mail, from the API
	 * @param directRoom whether the room is a 1-1 room, from the API
	 * @return the decision; a sender off the allow-list is refused whatever the room
	 */
	public Verdict admit(String senderEmail, boolean directRoom) {
		if (!SenderAllowList.isApproved(senderEmail, this.rules.current())) {
			return Verdict.deny(Refusal.NOT_APPROVED);
		}
		if (!directRoom) {
			return Verdict.deny(Refusal.GROUP_ROOM);
		}
		return Verdict.ALLOW;
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
			return Verdict.deny(Refusal.HOST_ONLY);
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
			case PERSONAL_ROOM -> Verdict.deny(Refusal.PMR_OWNER_ONLY);
			case UNKNOWN -> Verdict.deny(Refusal.PMR_CHECK_FAILED);
			case NOT_CHECKABLE -> Verdict.deny(Refusal.PMR_NOT_CHECKABLE);
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

	/** Why the policy refuses. */
	public enum Refusal {

		/** The sender is not on the allow-list. */
		NOT_APPROVED,

		/** The message or card action is in a group room: links go only to 1-1 rooms. */
		GROUP_ROOM,

		/** Only the host gets the recordings, and the sender is not the host. */
		HOST_ONLY,

		/** The meeting is a personal room, and only its owner gets the recordings. */
		PMR_OWNER_ONLY,

		/** Whether the meeting is a personal room could not be checked. */
		PMR_CHECK_FAILED,

		/** The authorization may not check whether the meeting is a personal room. */
		PMR_NOT_CHECKABLE

	}

	/**
	 * A decision of the policy.
	 *
	 * @param allowed whether the sender may go on
	 * @param refusal why not, when denied; {@code null} when allowed
	 */
	public record Verdict(boolean allowed, Refusal refusal) {

		public static final Verdict ALLOW = new Verdict(true, null);

		static Verdict deny(Refusal refusal) {
			return new Verdict(false, refusal);
		}

	}

}
