package io.github.recordingbot.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * The active {@code audit.jsonl} (or {@code audit-<instance>.jsonl} when replicas share
 * the directory) and its rotation by rename; not thread-safe, the caller holds a lock.
 */
final class AuditFile {

	static final String ACTIVE_NAME = "audit.jsonl";

	/**
	 * Name of a rotated file: the instance and a dot if any, the UTC day of its lines,
	 * then a number from 1 within the day ({@code audit-bot-1.2026-11-25-1.jsonl},
	 * {@code audit-2026-11-25-1.jsonl}). An instance id has no dot, so no active file
	 * matches.
	 */
	static final Pattern ROTATED_NAME = Pattern
		.compile("audit-(?:([A-Za-z0-9_-]+)\\.)?(\\d{4}-\\d{2}-\\d{2})-(\\d+)\\.jsonl");

	private static final byte[] NEWLINE = { '\n' };

	private final Path directory;

	private final Path active;

	// "audit-<instance>." or "audit-": what a rotated file's name starts with
	private final String rotatedPrefix;

	private final long maxFileSize;

	private final boolean fsync;

	private FileChannel channel;

	private long size;

	// UTC day of the lines in the active file; names the file when it is rotated.
	private LocalDate day;

	AuditFile(Path directory, String instance, long maxFileSize, boolean fsync) {
		this.directory = directory;
		this.active = directory.resolve(instance.isEmpty() ? ACTIVE_NAME : "audit-" + instance + ".jsonl");
		this.rotatedPrefix = instance.isEmpty() ? "audit-" : "audit-" + instance + ".";
		this.maxFileSize = maxFileSize;
		this.fsync = fsync;
	}

	Path path() {
		return this.active;
	}

	/**
	 * Appends one whole line, rotating first when the day changed or the line would not
	 * fit. After a failure the file is closed, so the next call opens it again.
	 */
	void append(byte[] line, LocalDate today) throws IOException {
		try {
			if (this.channel == null) {
				open(today);
			}
			if (!today.equals(this.day) || (this.size > 0 && this.size + line.length > this.maxFileSize)) {
				rotate();
				open(today);
			}
			writeFully(line);
			this.size += line.length;
		}
		catch (IOException ex) {
			close();
			throw ex;
		}
	}

	void open(LocalDate today) throws IOException {
		Files.createDirectories(this.directory);
		boolean existed = Files.exists(this.active);
		this.channel = FileChannel.open(this.active, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
				StandardOpenOption.WRITE);
		this.size = this.channel.size();
		if (this.size == 0) {
			this.day = today;
		}
		else if (this.day == null) {
			// A file left by an earlier process holds lines of the day it was last
			// written.
			this.day = LocalDate.ofInstant(Files.getLastModifiedTime(this.active).toInstant(), ZoneOffset.UTC);
		}
		if (this.size > 0 && !endsWithNewline()) {
			// A torn last line (crash or full disk mid-write) is closed off so that the
			// next record
			// starts on a line of its own; the fragment stays as evidence.
			writeFully(NEWLINE);
			this.size++;
		}
		if (!existed) {
			syncDirectory();
		}
	}

	void close() {
		if (this.channel != null) {
			try {
				this.channel.close();
			}
			catch (IOException ex) {
				// Nothing was lost: every acknowledged line was already written and
				// forced.
			}
			this.channel = null;
		}
	}

	private void rotate() throws IOException {
		close();
		// A plain move, not ATOMIC_MOVE: on POSIX an atomic rename silently replaces an
		// existing
		// target, and a rotated audit file must never be overwritten.
		Files.move(this.active, rotationTarget());
		syncDirectory();
	}

	private Path rotationTarget() {
		for (int n = 1;; n++) {
			Path candidate = this.directory.resolve(this.rotatedPrefix + this.day + "-" + n + ".jsonl");
			if (!Files.exists(candidate)) {
				return candidate;
			}
		}
	}

	private void writeFully(byte[] bytes) throws IOException {
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		while (buffer.hasRemaining()) {
			this.channel.write(buffer);
		}
		if (this.fsync) {
			this.channel.force(false);
		}
	}

	private boolean endsWithNewline() throws IOException {
		try (FileChannel reader = FileChannel.open(this.active, StandardOpenOption.READ)) {
			ByteBuffer last = ByteBuffer.allocate(1);
			reader.read(last, this.size - 1);
			return last.get(0) == '\n';
		}
	}

	// A forced file is not enough after a create or rename: the directory entry must
	// reach the
	// disk too, or the acknowledged lines may sit under a name that vanishes on power
	// loss.
	private void syncDirectory() {
		if (!this.fsync) {
			return;
		}
		try (FileChannel dir = FileChannel.open(this.directory, StandardOpenOption.READ)) {
			dir.force(true);
		}
		catch (IOException ex) {
			// Some platforms (Windows) cannot open a directory; the file itself is still
			// forced.
		}
	}

}
