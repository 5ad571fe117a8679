package io.github.recordingbot.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import io.github.recordingbot.BotProperties;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes rotated audit files that are older than {@code bot.audit.retention} or beyond
 * {@code bot.audit.max-files}, so that the log volume does not fill up. Only files named
 * like a rotation ({@code audit-<day>-<n>.jsonl},
 * {@code audit-<instance>.<day>-<n>.jsonl}) are considered: the active files and anything
 * else in the directory are never deleted. Replicas on one log volume share the
 * directory: the files of every instance are considered, {@code bot.audit.max-files}
 * counts each instance's apart, and one replica at a time runs it.
 */
@Component
class AuditRetention {

	private static final Logger logger = LoggerFactory.getLogger(AuditRetention.class);

	private final Path directory;

	private final Duration retention;

	private final int maxFiles;

	private final Clock clock;

	AuditRetention(BotProperties bot, AuditProperties properties, Clock clock) {
		this.directory = bot.logDir();
		this.retention = properties.retention();
		this.maxFiles = properties.maxFiles();
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	@SchedulerLock(name = "audit-retention")
	void scheduled() {
		deleteExpired();
	}

	/**
	 * Deletes the rotated files past the retention or the file count, oldest first.
	 * @return the files deleted
	 */
	List<Path> deleteExpired() {
		List<Rotated> rotated = rotatedFiles();
		Instant now = this.clock.instant();
		List<Path> deleted = new ArrayList<>();
		Map<String, Integer> left = new HashMap<>();
		rotated.forEach((file) -> left.merge(file.instance(), 1, Integer::sum));
		for (Rotated file : rotated) {
			boolean expired = !file.lastDayEnd().plus(this.retention).isAfter(now);
			boolean overCount = this.maxFiles > 0 && left.get(file.instance()) > this.maxFiles;
			if (!expired && !overCount) {
				continue;
			}
			try {
				Files.deleteIfExists(file.path());
				deleted.add(file.path());
				left.merge(file.instance(), -1, Integer::sum);
				logger.info("Deleted audit file {} (lines of {}): {}", file.path(), file.day(),
						expired ? "older than bot.audit.retention " + this.retention
								: "more than bot.audit.max-files " + this.maxFiles);
			}
			catch (IOException ex) {
				logger.warn("Could not delete audit file {}: {}", file.path(), ex.toString());
			}
		}
		return deleted;
	}

	// Oldest first: by the day in the name, then by the rotation number within it.
	private List<Rotated> rotatedFiles() {
		if (!Files.isDirectory(this.directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.map(Rotated::of)
				.flatMap(Stream::ofNullable)
				.sorted(Comparator.comparing(Rotated::day).thenComparingLong(Rotated::number))
				.toList();
		}
		catch (IOException ex) {
			logger.warn("Could not list the audit directory {}: {}", this.directory, ex.toString());
			return List.of();
		}
	}

	/** A rotated audit file and what its name says. */
	private record Rotated(Path path, String instance, LocalDate day, long number) {

		static Rotated of(Path path) {
			Matcher name = AuditFile.ROTATED_NAME.matcher(path.getFileName().toString());
			if (!name.matches() || !Files.isRegularFile(path)) {
				return null;
			}
			try {
				return new Rotated(path, Objects.toString(name.group(1), ""), LocalDate.parse(name.group(2)),
						Long.parseLong(name.group(3)));
			}
			catch (RuntimeException ex) {
				// Not a date or number after all (2026-13-45): not ours to delete.
				return null;
			}
		}

		/** The end of the day whose lines the file holds: its newest line is older. */
		Instant lastDayEnd() {
			return this.day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		}

	}

}
