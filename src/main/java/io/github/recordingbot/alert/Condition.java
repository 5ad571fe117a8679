package io.github.recordingbot.alert;

/**
 * Something that stops the bot from doing its job until a person acts. The id is stored
 * with the alert state and names the texts {@code alert.<id>.*} in the message bundles;
 * never rename one.
 */
public enum Condition {

	/** Webex refused the officer's refresh token: the officer must authorize again. */
	REAUTHORIZATION_NEEDED("reauthorization-needed"),

	/** The officer's refresh token expires soon: authorize again before it does. */
	REAUTHORIZATION_DUE("reauthorization-due"),

	/** Refreshing the officer's access token fails. */
	REFRESH_FAILING("refresh-failing"),

	/**
	 * Webex refuses the officer's calls (401/403), or a capability every lookup needs.
	 */
	OFFICER_REFUSED("officer-refused"),

	/** A webhook Webex disabled stayed inactive after the bot tried to re-activate it. */
	WEBHOOK_INACTIVE("webhook-inactive"),

	/** The websocket to Webex has been down for longer than the outage threshold. */
	WEBSOCKET_DOWN("websocket-down"),

	/** config.json is invalid and ignored. */
	CONFIG_INVALID("config-invalid"),

	/** No audit line can be written, so no links are handed out. */
	AUDIT_UNWRITABLE("audit-unwritable"),

	/** Webex has not answered for longer than the outage threshold. */
	WEBEX_UNREACHABLE("webex-unreachable");

	private final String id;

	Condition(String id) {
		this.id = id;
	}

	/** The stable id: the key in the alert tables and in the message bundles. */
	public String id() {
		return this.id;
	}

}
