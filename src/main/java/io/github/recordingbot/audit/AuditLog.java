package io.github.recordingbot.audit;

/**
 * Writes one audit line per request.
 */
public interface AuditLog {

	/**
	 * Writes the record as one line, durably enough that it survives the process.
	 * @param record the record
	 * @throws AuditUnavailableException when the line could not be written; the caller
	 * must then send no links
	 */
	void write(AuditRecord record);

}
