package io.github.recordingbot.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an {@link AuditRecord} into one JSON line in the field order of the audit schema.
 */
final class AuditLineFormat {

	// Always three fraction digits: Instant.toString() drops them when they are zero,
	// which breaks
	// naive parsers that expect a fixed shape.
	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	// Our own mapper, not the application's: spring.jackson.* (for example indented
	// output) must
	// never be able to split a record over several lines. Escaping non-ASCII keeps
	// U+2028, U+0085
	// and friends out of the file, which some readers treat as line breaks.
	private final JsonMapper mapper = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

	/**
	 * Formats the record without a trailing newline.
	 * @param record the record
	 * @param seq the sequence number of the line
	 * @param now the time to write when the record carries none
	 * @return the JSON text, guaranteed to contain no CR or LF
	 */
	String format(AuditRecord record, long seq, Instant now) {
		ObjectNode line = this.mapper.createObjectNode();
		line.put("ts", TIMESTAMP.format((record.ts() != null) ? record.ts() : now));
		line.put("seq", seq);
		line.put("requestId", record.requestId());
		line.put("eventId", record.eventId());
		ObjectNode requester = line.putObject("requester");
		requester.put("email", (record.requester() != null) ? record.requester().email() : null);
		requester.put("personId", (record.requester() != null) ? record.requester().personId() : null);
		line.put("roomType", record.roomType());
		line.put("command", record.command());
		line.put("meetingNumber", record.meetingNumber());
		line.put("hostEmail", record.hostEmail());
		line.put("daysBack", record.daysBack());
		line.put("meetingLink", record.meetingLink());
		line.put("meetingDay", record.meetingDay());
		line.put("decision", (record.decision() != null) ? record.decision().value() : null);
		line.put("reason", record.reason());
		addAll(line.putArray("meetingIds"), record.meetingIds());
		addAll(line.putArray("recordingIds"), record.recordingIds());
		line.put("durationMs", record.durationMs());
		line.put("suppressed", record.suppressed());
		return this.mapper.writeValueAsString(line);
	}

	private static void addAll(ArrayNode array, List<String> values) {
		values.forEach(array::add);
	}

}
