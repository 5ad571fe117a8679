package io.github.recordingbot.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the audit file under {@code bot.audit}.
 *
 * @param maxFileSize size after which {@code audit.jsonl} is rotated
 * @param fsync whether each line is forced to disk before {@link AuditLog#write} returns;
 * only benchmarks should turn this off, because an acknowledged line may then be lost on
 * power loss
 */
@ConfigurationProperties("bot.audit")
public record AuditProperties(@DefaultValue("10MB") DataSize maxFileSize, @DefaultValue("true") boolean fsync) {

	public AuditProperties {
		if (maxFileSize == null || maxFileSize.toBytes() <= 0) {
			throw new IllegalArgumentException("bot.audit.max-file-size must be positive, was " + maxFileSize);
		}
	}

}
