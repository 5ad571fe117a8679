package io.github.recordingbot.status;

/**
 * One line of a status page table: a name, its value, and whether it needs the operator's
 * attention.
 *
 * @param name what the line is about
 * @param value its value, as shown
 * @param warn whether the line is marked as a problem
 */
record Row(String name, String value, boolean warn) {

	static Row of(String name, Object value) {
		return new Row(name, String.valueOf(value), false);
	}

	static Row of(String name, Object value, boolean warn) {
		return new Row(name, String.valueOf(value), warn);
	}

}
