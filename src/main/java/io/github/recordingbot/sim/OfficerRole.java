package io.github.recordingbot.sim;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The role of the simulated officer account: what the token endpoint grants and whether
 * the user-level meeting endpoints honour {@code hostEmail} / {@code userEmail}.
 *
 * <p>
 * Webex documents those parameters as "only used if the caller has admin-level scopes"; a
 * Compliance Officer without admin scopes gets answers as for itself.
 *
 * @see <a href="https://developer.webex.com/docs/meetings#meetings-api-scopes">Meetings
 * API scopes</a>
 */
enum OfficerRole {

	/**
	 * A Compliance Officer without admin rights, the common real case: only the non-admin
	 * scopes are granted, and the user-level endpoints answer for the officer.
	 */
	COMPLIANCE,

	/**
	 * A full administrator without the Compliance Officer role: the requested admin and
	 * user scopes are granted, not the {@code spark-compliance:} ones.
	 */
	ADMIN;

	/**
	 * The scopes Webex grants this role out of the requested ones.
	 * @param requested the requested scopes, space separated
	 * @return the granted scopes, space separated, in the requested order
	 */
	String grant(String requested) {
		Set<String> granted = new LinkedHashSet<>();
		Arrays.stream(requested.trim().split("\\s+"))
			.filter((scope) -> !scope.isEmpty())
			.filter(this::mayHold)
			.forEach(granted::add);
		return String.join(" ", granted);
	}

	private boolean mayHold(String scope) {
		boolean admin = scope.startsWith("spark-admin:") || scope.contains(":admin_");
		boolean compliance = scope.startsWith("spark-compliance:");
		return (this == ADMIN) ? !compliance : !admin;
	}

	/** Whether {@code hostEmail} and {@code userEmail} are honoured. */
	boolean actsForOthers() {
		return this == ADMIN;
	}

}
