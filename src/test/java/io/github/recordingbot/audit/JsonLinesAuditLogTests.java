package io.github.recordingbot.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import io.github.recordingbot.BotProperties;
import io.github.recordingbot.support.MutableClock;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.recordingbot.audit.AuditRecord.Decision;
import io.github.recordingbot.audit.AuditRecord.Requester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonLinesAuditLogTests {

	static final List<String> FIELDS = List.of("ts", "seq", "requestId", "eventId", "requester", "roomType", "command",
			"meetingNumber", "hostEmail", "daysBack", "meetingLink", "meetingDay", "decision", "reason", "meetingIds",
			"recordingIds", "durationMs", "suppressed");

	static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path dir;

	MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));

	List<JsonLinesAuditLog> opened = new ArrayList<>();

	@AfterEach
	void closeLogs() {
		this.opened.forEach(JsonLinesAuditLog::destroy);
	}

	@Test
	void writeWhenRecordCompleteThenOneLineWithEveryFieldInSchemaOrder() throws IOException {
		JsonLinesAuditLog log = newLog(this.dir, DataSize.ofMegabytes(10), true);

		log.write(new AuditRecord(Instant.parse("2026-11-25T12:00:00.123Z"), "req-1", "evt-1",
				new Requester("alice@example.com", "person-1"), "direct", "rec", "1234567890", "host@example.com", 7,
				Decision.PERMITTED, "ok", List.of("m-1"), List.of("r-1", "r-2"), 42, 0));

		List<String> lines = Files.readAllLines(active(), StandardCharsets.UTF_8);
		assertThat(lines).hasSize(1);
		JsonNode line = json.readTree(lines.get(0));
		assertThat(line.propertyNames()).containsExactlyElementsOf(FIELDS);
		assertThat(line.get("ts").stringValue()).isEqualTo("2026-11-25T12:00:00.123Z");
		assertThat(line.get("seq").longValue()).isEqualTo(1);
		assertThat(line.get("requester").get("email").stringValue()).isEqualTo("alice@example.com");
		assertThat(line.get("requester").get("personId").stringValue()).isEqualTo("person-1");
		assertThat(line.get("daysBack").intValue()).isEqualTo(7);
		assertThat(line.get("decision").stringValue()).isEqualTo("permitted");
		assertThat(line.get("recordingIds").size()).isEqualTo(2);
		assertThat(line.get("durationMs").longValue()).isEqualTo(42);
	}

	@Test
	void writeWhenRecordHasNoTimeAndWholeSecondThenClockTimeWithMillisAndZ() throws IOException {
		JsonLinesAuditLog log = newLog(this.dir, DataSize.ofMegabytes(10), true);

		log.write(new AuditRecord(null, "req-1", null, null, null, "invalid", null, null, null, Decision.INVALID,
				"bad_input", null, null, 0, 0));

		JsonNode line = json.readTree(Files.readAllLines(active()).get(0));
		assertThat(line.get("ts").stringValue()).isEqualTo("2026-11-25T12:00:00.000Z");
		assertThat(line.propertyNames()).containsExactlyElementsOf(FIELDS);
		assertThat(line.get("requester").get("email").isNull()).isTrue();
		assertThat(line.get("meetingIds").isArray()).isTrue();
	}

	@Test
	void writeWhenInputCarriesLineBreaksAndQuotesThenStaysOneEscapedLine() throws IOException {
		JsonLinesAuditLog log = newLog(this.dir, DataSize.ofMegabytes(10), true);
		String forged = "123\n{\"decision\":\"permitted\"}";
		String host = "host@example.com\r\n{\"decision\":\"permitted\",\"x\":\"";
		String email = "eve\"@example.com\u2028{\"decision\":\"permitted\"}\u0085";

		log.write(record(1, Decision.DENIED, forged, host, email));

		byte[] bytes = Files.readAllBytes(active());
		assertThat(count(bytes, (byte) '\n')).isEqualTo(1);
		assertThat(count(bytes, (byte) '\r')).isZero();
		assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).as("printable ASCII and one newline")
			.matches("[\\x20-\\x7E]+\n");
		List<String> lines = Files.readAllLines(active(), StandardCharsets.UTF_8);
		assertThat(lines).hasSize(1);
		JsonNode line = json.readTree(lines.get(0));
		assertThat(line.get("decision").stringValue()).isEqualTo("denied");
		assertThat(line.get("meetingNumber").stringValue()).isEqualTo(forged);
		assertThat(line.get("hostEmail").stringValue()).isEqualTo(host);
		assertThat(line.get("requester").get("email").stringValue()).isEqualTo(email);
	}

	@Test
	void writeAlsoLogsTheSameLineOnTheAuditLogger() throws IOException {
		ListAppender<ILoggingEvent> appender = attach("audit");
		try {
			JsonLinesAuditLog log = newLog(this.dir, DataSize.ofMegabytes(10), true);

			log.write(record(1, Decision.PERMITTED, "{}", null, "a@example.com"));

			assertThat(appender.list).singleElement().satisfies((event) -> {
				assertThat(event.getLevel()).isEqualTo(Level.INFO);
				assertThat(event.getFormattedMessage()).isEqualTo(Files.readAllLines(active()).get(0));
			});
		}
		finally {
			detach("audit", appender);
		}
	}

	@Test
	void l1WhenThousandMixedRecordsThenThousandCompleteLines() throws IOException {
		JsonLinesAuditLog log = newLog(this.dir, DataSize.ofMegabytes(10), true);
		Decision[] decisions = Decision.values();

		for (int i = 0; i < 1000; i++) {
			Decision decision = decisions[i % decisions.length];
			log.write(record(i, decision, (i % 3 == 0) ? null : "12345" + i, (i % 2 == 0) ? null : "h@example.com",
					"user" + i + "@example.com"));
			this.clock.advance(Duration.ofMillis(7));
		}

		List<String> lines = Files.readAllLines(active(), StandardCharsets.UTF_8);
		assertThat(lines).hasSize(1000);
		List<String> seen = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			JsonNode line = json.readTree(lines.get(i));
			assertThat(line.propertyNames()).containsExactlyElementsOf(FIELDS);
			assertThat(line.get("ts").stringValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
			assertThat(line.get("seq").longValue()).isEqualTo(i + 1);
			assertThat(line.get("requestId").stringValue()).isEqualTo("req-" + i);
			seen.add(line.get("decision").stringValue());
		}
		assertThat(seen).containsAll(Stream.of(decisions).map(Decision::value).toList());
	}

	@Test
	void l3WhenTenThreadsWriteAcrossRotationsThenEveryLineOnceAndSeqGapFree() throws Exception {
		// The copy on the SLF4J logger is not under test here and would print 100,000
		// lines.
		Logger auditLogger = (Logger) LoggerFactory.getLogger("audit");
		Level level = auditLogger.getLevel();
		auditLogger.setLevel(Level.WARN);
		try {
			JsonLinesAuditLog log = newLog(this.dir, DataSize.ofKilobytes(200), false);
			ExecutorService pool = Executors.newFixedThreadPool(10);
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < 10; t++) {
				int thread = t;
				done.add(pool.submit(() -> {
					for (int i = 0; i < 10_000; i++) {
						log.write(record(thread * 10_000 + i, Decision.PERMITTED, "123", null, "t@example.com"));
					}
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
			pool.shutdown();
		}
		finally {
			auditLogger.setLevel(level);
		}

		List<Path> files = filesInWriteOrder();
		assertThat(files).hasSizeGreaterThanOrEqualTo(4);
		long expected = 1;
		List<String> requestIds = new ArrayList<>();
		for (Path file : files) {
			assertThat(Files.size(file)).isLessThanOrEqualTo(DataSize.ofKilobytes(200).toBytes());
			for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				JsonNode line = json.readTree(text);
				assertThat(line.get("seq").longValue()).isEqualTo(expected++);
				requestIds.add(line.get("requestId").stringValue());
			}
		}
		assertThat(expected - 1).isEqualTo(100_000);
		assertThat(requestIds).doesNotHaveDuplicates().hasSize(100_000);
	}

	@Test
	void writeWhenFileWouldExceedMaxSizeThenRotatesBeforeWriting() throws IOException {
		JsonLinesAuditLog log = newLog(this.dir, DataSize.ofBytes(600), true);

		for (int i = 0; i < 5; i++) {
			log.write(record(i, Decision.DENIED, "123", null, "a@example.com"));
		}

		List<Path> files = filesInWriteOrder();
		assertThat(files.get(0).getFileName()).hasToString("audit-2026-11-25-1.jsonl");
		assertThat(files.get(files.size() - 1).getFileName()).hasToString("audit.jsonl");
		assertThat(files).allSatisfy((file) -> assertThat(Files.size(file)).isBetween(1L, 600L));
		assertThat(files.stream().mapToLong(JsonLinesAuditLogTests::lineCount).sum()).isEqualTo(5);
	}

	@Test
	void writeWhenClockPassesMidnightUtcThenRotatesToFileOfPreviousDay() throws IOException {
		this.clock = new MutableClock(Instant.parse("2026-11-25T23:59:59.500Z"));
		JsonLinesAuditLog log = newLog(this.dir, DataSize.ofMegabytes(10), true);
		log.write(record(1, Decision.PERMITTED, "1", null, "a@example.com"));

		this.clock.advance(Duration.ofSeconds(1));
		log.write(record(2, Decision.PERMITTED, "2", null, "a@example.com"));

		Path previous = this.dir.resolve("audit-2026-11-25-1.jsonl");
		assertThat(Files.readAllLines(previous)).singleElement().satisfies((l) -> assertThat(l).contains("\"seq\":1"));
		assertThat(Files.readAllLines(active())).singleElement().satisfies((l) -> assertThat(l).contains("\"seq\":2"));
	}

	@Test
	void rotateWhenTargetNameExistsThenTakesNextNumberAndKeepsOldFile() throws IOException {
		Files.writeString(this.dir.resolve("audit-2026-11-25-1.jsonl"), "kept\n");
		this.clock = new MutableClock(Instant.parse("2026-11-25T23:59:59Z"));
		JsonLinesAuditLog log = newLog(this.dir, DataSize.ofMegabytes(10), true);
		log.write(record(1, Decision.PERMITTED, "1", null, "a@example.com"));

		this.clock.advance(Duration.ofHours(1));
		log.write(record(2, Decision.PERMITTED, "2", null, "a@example.com"));

		assertThat(this.dir.resolve("audit-2026-11-25-1.jsonl")).hasContent("kept");
		assertThat(Files.readAllLines(this.dir.resolve("audit-2026-11-25-2.jsonl"))).hasSize(1);
		assertThat(Files.readAllLines(active())).hasSize(1);
	}

	@Test
	void twoInstancesOnOneDirectoryWriteAndRotateFilesOfTheirOwn() throws IOException {
		this.clock = new MutableClock(Instant.parse("2026-11-25T23:59:59Z"));
		JsonLinesAuditLog first = newLog(this.dir, "bot-7d9f8-a1", DataSize.ofMegabytes(10), true);
		JsonLinesAuditLog second = newLog(this.dir, "bot-7d9f8-b2", DataSize.ofMegabytes(10), true);
		first.write(record(1, Decision.PERMITTED, "1", null, "a@example.com"));
		second.write(record(2, Decision.PERMITTED, "2", null, "a@example.com"));

		this.clock.advance(Duration.ofHours(1));
		first.write(record(3, Decision.PERMITTED, "3", null, "a@example.com"));

		assertThat(Files.readAllLines(this.dir.resolve("audit-bot-7d9f8-a1.2026-11-25-1.jsonl"))).hasSize(1);
		assertThat(Files.readAllLines(this.dir.resolve("audit-bot-7d9f8-a1.jsonl"))).hasSize(1);
		assertThat(Files.readAllLines(this.dir.resolve("audit-bot-7d9f8-b2.jsonl"))).hasSize(1);
		assertThat(active()).doesNotExist();
	}

	@Test
	void anInstanceIdThatIsNotAFileNamePartIsRefusedNamingTheKey() {
		for (String id : new String[] { "../x", "a.b", "2026-11-25-1", "x".repeat(64) }) {
			assertThatExceptionOfType(IllegalArgumentException.class)
				.isThrownBy(() -> BotProperties.defaults().withInstanceId(id))
				.withMessageContaining("bot.instance-id");
		}
	}

	@Nested
	class Restart {

		@Test
		void startWhenFileExistsFromTodayThenAppendsAndSeqRestarts() throws IOException {
			newLog(JsonLinesAuditLogTests.this.dir, DataSize.ofMegabytes(10), true)
				.write(record(1, Decision.PERMITTED, "1", null, "a@example.com"));
			touch(JsonLinesAuditLogTests.this.clock.instant());

			newLog(JsonLinesAuditLogTests.this.dir, DataSize.ofMegabytes(10), true)
				.write(record(2, Decision.PERMITTED, "2", null, "a@example.com"));

			List<String> lines = Files.readAllLines(active());
			assertThat(lines).hasSize(2);
			assertThat(json.readTree(lines.get(1)).get("seq").longValue()).isEqualTo(1);
		}

		@Test
		void startWhenFileIsFromAnEarlierDayThenFirstWriteRotatesItUnderThatDay() throws IOException {
			Files.writeString(active(), "{\"seq\":1}\n");
			touch(Instant.parse("2026-11-20T08:00:00Z"));

			newLog(JsonLinesAuditLogTests.this.dir, DataSize.ofMegabytes(10), true)
				.write(record(1, Decision.PERMITTED, "1", null, "a@example.com"));

			assertThat(JsonLinesAuditLogTests.this.dir.resolve("audit-2026-11-20-1.jsonl")).hasContent("{\"seq\":1}");
			assertThat(Files.readAllLines(active())).hasSize(1);
		}

		@Test
		void startWhenLastLineIsTornThenNextRecordStartsOnItsOwnLine() throws IOException {
			Files.writeString(active(), "{\"seq\":1}\n{\"seq\":2,\"requ");
			touch(JsonLinesAuditLogTests.this.clock.instant());

			newLog(JsonLinesAuditLogTests.this.dir, DataSize.ofMegabytes(10), true)
				.write(record(1, Decision.PERMITTED, "1", null, "a@example.com"));

			List<String> lines = Files.readAllLines(active());
			assertThat(lines).hasSize(3);
			assertThat(lines.get(1)).isEqualTo("{\"seq\":2,\"requ");
			assertThat(json.readTree(lines.get(2)).get("requestId").stringValue()).isEqualTo("req-1");
		}

		private void touch(Instant instant) throws IOException {
			Files.setLastModifiedTime(active(), FileTime.from(instant));
		}

	}

	@Nested
	class Unavailable {

		ListAppender<ILoggingEvent> errors;

		@BeforeEach
		void listen() {
			this.errors = attach(JsonLinesAuditLog.class.getName());
		}

		@AfterEach
		void stopListening() {
			detach(JsonLinesAuditLog.class.getName(), this.errors);
		}

		@Test
		void l5WhenLogDirIsARegularFileThenStartsButWriteThrowsUntilFixed() throws IOException {
			Path logDir = JsonLinesAuditLogTests.this.dir.resolve("log");
			Files.writeString(logDir, "not a directory");
			JsonLinesAuditLog log = newLog(logDir, DataSize.ofMegabytes(10), true);

			assertThatExceptionOfType(AuditUnavailableException.class)
				.isThrownBy(() -> log.write(record(1, Decision.PERMITTED, "1", null, "secret-input@example.com")));

			Files.delete(logDir);
			log.write(record(2, Decision.PERMITTED, "2", null, "a@example.com"));

			List<String> lines = Files.readAllLines(logDir.resolve(AuditFile.ACTIVE_NAME));
			assertThat(lines).hasSize(1);
			JsonNode line = json.readTree(lines.get(0));
			assertThat(line.get("requestId").stringValue()).isEqualTo("req-2");
			assertThat(line.get("seq").longValue()).as("a refused write consumes no seq").isEqualTo(1);
		}

		@Test
		void writeWhenFailingRepeatedlyThenOneErrorPerBurstWithIdsOnly() throws IOException {
			Path logDir = JsonLinesAuditLogTests.this.dir.resolve("log");
			JsonLinesAuditLog log = newLog(logDir, DataSize.ofMegabytes(10), true);
			log.write(record(1, Decision.PERMITTED, "1", null, "a@example.com"));
			breakDirectory(logDir);

			for (int i = 2; i <= 4; i++) {
				int id = i;
				// The open channel would still accept lines for the unlinked file; a day
				// change makes
				// every attempt rotate, which needs the directory.
				JsonLinesAuditLogTests.this.clock.advance(Duration.ofDays(1));
				assertThatExceptionOfType(AuditUnavailableException.class)
					.isThrownBy(() -> log.write(record(id, Decision.PERMITTED, "987654321", null, "eve@example.com")));
			}

			assertThat(this.errors.list).filteredOn((e) -> e.getLevel() == Level.ERROR)
				.singleElement()
				.satisfies((event) -> {
					assertThat(event.getFormattedMessage()).contains("req-2").contains("evt-2");
					assertThat(event.getFormattedMessage()).doesNotContain("eve@example.com")
						.doesNotContain("987654321");
				});
		}

		// Replaces the directory with a regular file, so that rotating and re-opening
		// both fail.
		private void breakDirectory(Path logDir) throws IOException {
			try (Stream<Path> files = Files.list(logDir)) {
				for (Path file : files.toList()) {
					Files.delete(file);
				}
			}
			Files.delete(logDir);
			Files.writeString(logDir, "not a directory");
		}

	}

	JsonLinesAuditLog newLog(Path logDir, DataSize maxFileSize, boolean fsync) {
		return newLog(logDir, "", maxFileSize, fsync);
	}

	JsonLinesAuditLog newLog(Path logDir, String instance, DataSize maxFileSize, boolean fsync) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("clock", this.clock));
		JsonLinesAuditLog log = new JsonLinesAuditLog(
				BotProperties.defaults().withLogDir(logDir).withInstanceId(instance),
				new AuditProperties(maxFileSize, fsync, Duration.ofDays(365), 0),
				beans.getBeanProvider(java.time.Clock.class));
		this.opened.add(log);
		return log;
	}

	Path active() {
		return this.dir.resolve(AuditFile.ACTIVE_NAME);
	}

	// Rotated files by day and number, then the active file: the order in which they were
	// written.
	List<Path> filesInWriteOrder() throws IOException {
		try (Stream<Path> files = Files.list(this.dir)) {
			return files.filter((f) -> f.getFileName().toString().startsWith("audit"))
				.sorted(Comparator.comparing(JsonLinesAuditLogTests::writeOrder))
				.toList();
		}
	}

	static String writeOrder(Path file) {
		String name = file.getFileName().toString();
		if (name.equals(AuditFile.ACTIVE_NAME)) {
			return "~";
		}
		String[] parts = name.substring("audit-".length(), name.length() - ".jsonl".length()).split("-");
		return parts[0] + parts[1] + parts[2] + String.format("%08d", Integer.parseInt(parts[3]));
	}

	static long lineCount(Path file) {
		try {
			return Files.readAllLines(file).size();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static AuditRecord record(int id, Decision decision, String meetingNumber, String hostEmail, String email) {
		return new AuditRecord(null, "req-" + id, "evt-" + id, new Requester(email, "person-" + id), "direct", "rec",
				meetingNumber, hostEmail, 3, decision, "reason_" + decision.value(), List.of("m-" + id), List.of(), 12,
				0);
	}

	static long count(byte[] bytes, byte wanted) {
		long n = 0;
		for (byte b : bytes) {
			if (b == wanted) {
				n++;
			}
		}
		return n;
	}

	static ListAppender<ILoggingEvent> attach(String loggerName) {
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		((Logger) LoggerFactory.getLogger(loggerName)).addAppender(appender);
		return appender;
	}

	static void detach(String loggerName, ListAppender<ILoggingEvent> appender) {
		((Logger) LoggerFactory.getLogger(loggerName)).detachAppender(appender);
	}

}
