package io.github.recordingbot.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.recordingbot.BotProperties;
import io.github.recordingbot.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Old rotated audit files are deleted by age and by count, never the active file, and the
 * log says what went.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuditRetentionTests {

	static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	@TempDir
	Path dir;

	final MutableClock clock = new MutableClock(NOW);

	@Test
	void rotatedFilesWhoseLastDayIsOlderThanTheRetentionAreDeleted(CapturedOutput output) throws IOException {
		Path old = file("audit-2026-11-14-1.jsonl");
		Path lastDayEndsAtTheLimit = file("audit-2026-11-14-2.jsonl");
		Path young = file("audit-2026-11-15-1.jsonl");
		Path active = file(AuditFile.ACTIVE_NAME);
		Files.setLastModifiedTime(active, java.nio.file.attribute.FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
		// 2026-11-14 ends at 2026-11-15T00:00Z; ten days and twelve hours later is NOW.
		AuditRetention retention = retention(Duration.ofDays(10).plusHours(12), 0);

		assertThat(retention.deleteExpired()).containsExactly(old, lastDayEndsAtTheLimit);

		assertThat(old).doesNotExist();
		assertThat(young).exists();
		assertThat(active).exists();
		assertThat(output).contains("Deleted audit file " + old).contains("older than bot.audit.retention");
	}

	@Test
	void beyondMaxFilesTheOldestAreDeletedInDayThenNumberOrder() throws IOException {
		Path a = file("audit-2026-11-20-2.jsonl");
		Path b = file("audit-2026-11-20-10.jsonl");
		Path c = file("audit-2026-11-21-1.jsonl");
		Path d = file("audit-2026-11-24-1.jsonl");
		file(AuditFile.ACTIVE_NAME);

		List<Path> deleted = retention(Duration.ofDays(365), 2).deleteExpired();

		assertThat(deleted).containsExactly(a, b);
		assertThat(c).exists();
		assertThat(d).exists();
		assertThat(this.dir.resolve(AuditFile.ACTIVE_NAME)).exists();
	}

	@Test
	void filesNotNamedLikeARotationAreNeverDeleted() throws IOException {
		Path active = file(AuditFile.ACTIVE_NAME);
		Path other = file("audit-2001-01-01.jsonl");
		Path notADate = file("audit-2001-13-45-1.jsonl");
		Path application = file("application.log");
		this.clock.set(Instant.parse("2099-01-01T00:00:00Z"));

		assertThat(retention(Duration.ofDays(1), 1).deleteExpired()).isEmpty();

		assertThat(List.of(active, other, notADate, application)).allSatisfy((f) -> assertThat(f).exists());
	}

	@Test
	void filesOfEveryInstanceAreConsideredAndMaxFilesCountsEachInstanceApart() throws IOException {
		Path oldOfA = file("audit-bot-a.2026-11-01-1.jsonl");
		Path a1 = file("audit-bot-a.2026-11-20-1.jsonl");
		Path a2 = file("audit-bot-a.2026-11-21-1.jsonl");
		Path b1 = file("audit-bot-b.2026-11-22-1.jsonl");
		Path single = file("audit-2026-11-23-1.jsonl");
		Path activeOfA = file("audit-bot-a.jsonl");

		List<Path> deleted = retention(Duration.ofDays(20), 1).deleteExpired();

		assertThat(deleted).containsExactly(oldOfA, a1);
		assertThat(List.of(a2, b1, single, activeOfA)).allSatisfy((f) -> assertThat(f).exists());
	}

	@Test
	void missingDirectoryDeletesNothing() {
		AuditRetention retention = new AuditRetention(BotProperties.defaults().withLogDir(this.dir.resolve("missing")),
				properties(Duration.ofDays(1), 1), this.clock);

		assertThat(retention.deleteExpired()).isEmpty();
	}

	AuditRetention retention(Duration keep, int maxFiles) {
		return new AuditRetention(BotProperties.defaults().withLogDir(this.dir), properties(keep, maxFiles),
				this.clock);
	}

	static AuditProperties properties(Duration keep, int maxFiles) {
		return new AuditProperties(DataSize.ofMegabytes(10), true, keep, maxFiles);
	}

	Path file(String name) throws IOException {
		return Files.writeString(this.dir.resolve(name), "{}\n");
	}

}
