package io.github.recordingbot.status;

import java.util.List;

/**
 * A status page section that is a heading and rows ({@code templates/status/table.html}).
 *
 * @param heading the section's heading
 * @param rows its rows
 */
record TableSection(String heading, List<Row> rows) {

	TableSection {
		rows = List.copyOf(rows);
	}

}
