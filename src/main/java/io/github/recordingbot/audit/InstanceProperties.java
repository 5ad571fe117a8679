package io.github.recordingbot.audit;

import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which process of the bot this is, under {@code bot.instance-id}
 * ({@code BOT_INSTANCE_ID}): it names the audit file, {@code audit-<instance>.jsonl}, so
 * that replicas on one log volume never append to one file. Unset, the file is
 * {@code audit.jsonl}, as for a single bot on its H2 file; on PostgreSQL the host name is
 * the default (the pod's name in Kubernetes: see {@code replicas.InstanceIdDefault}).
 *
 * @param instanceId letters, digits, {@code -} and {@code _}, at most 63; empty for none
 */
@ConfigurationProperties("bot")
public record InstanceProperties(String instanceId) {

	private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{1,63}");

	// An id that reads like a rotated file's day and number would make the active file
	// look rotated (AuditFile.ROTATED_NAME), and so deletable.
	private static final Pattern ROTATION_LIKE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}-\\d+");

	public InstanceProperties {
		instanceId = (instanceId != null) ? instanceId.trim() : "";
		if (!instanceId.isEmpty()
				&& (!ALLOWED.matcher(instanceId).matches() || ROTATION_LIKE.matcher(instanceId).matches())) {
			throw new IllegalArgumentException("bot.instance-id (BOT_INSTANCE_ID) must be 1 to 63 letters, digits, "
					+ "'-' or '_', and not a date followed by a number; was '" + instanceId + "'");
		}
	}

}
