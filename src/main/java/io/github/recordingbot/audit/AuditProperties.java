package io.github.recordingbot.audit;

import java.time.Duration;

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
 * @param retention how long a rotated audit file is kept after the last day it holds; the
 * active file is never deleted
 * @param maxFiles how many rotated audit files are kept at most, the oldest deleted
 * first; 0 keeps any number
 */
@ConfigurationProperties("bot.audit")
public record AuditProperties(@DefaultValue("10MB") DataSize maxFileSize, @DefaultValue("true") boolean fsync,
		@DefaultValue("365d") Duration retention, @DefaultValue("0") int maxFiles) {

	public AuditProperties {
		if (maxFileSize == null || maxFileSize.toBytes() <= 0) {
			throw new IllegalArgumentException("bot.audit.max-file-size must be positive, was " + maxFileSize);
		}
		if (retention == null || retention.compareTo(Duration.ofDays(1)) < 0) {
			throw new IllegalArgumentException("bot.audit.retention must be at least 1d, was " + retention);
		}
		if (maxFiles < 0) {
			throw new IllegalArgumentException("bot.audit.max-files must be 0 (no limit) or more, was " + maxFiles);
		}
	}

}
