package io.github.recordingbot.access;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one file on a daemon thread and hands over its content once it has stopped
 * changing.
 *
 * <p>
 * Polling rather than a {@link java.nio.file.WatchService}: a Kubernetes ConfigMap is
 * updated by swapping the {@code ..data} symlink, which a watch on the file's directory
 * reports as events on {@code ..data} (or not at all when the mount itself is a symlink),
 * macOS's WatchService polls anyway (every 10 s by default), and bind mounts or network
 * file systems may deliver no events. Reading a small file once a second and comparing a
 * SHA-256 of its content behaves the same everywhere, follows symlinks on every read, and
 * also sees an edit that keeps the size and the (coarse-grained) modification time.
 */
final class ConfigFileWatcher {

	private static final Logger logger = LoggerFactory.getLogger(ConfigFileWatcher.class);

	/** A config file is a few KiB; refuse anything that could only be a mistake. */
	static final long MAX_SIZE = 1024 * 1024;

	private final Path path;

	private final AccessProperties properties;

	private final Clock clock;

	private final Consumer<Read> onStableContent;

	private final ScheduledExecutorService executor;

	// Only touched by the single poll thread.
	private String pendingFingerprint;

	private Instant pendingSince;

	private volatile ScheduledFuture<?> task;

	ConfigFileWatcher(Path path, AccessProperties properties, Clock clock, Consumer<Read> onStableContent) {
		this.path = path;
		this.properties = properties;
		this.clock = clock;
		this.onStableContent = onStableContent;
		this.executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "access-config-watcher");
			thread.setDaemon(true);
			return thread;
		});
	}

	synchronized void start() {
		if (this.task == null) {
			long interval = this.properties.pollInterval().toMillis();
			this.task = this.executor.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
		}
	}

	synchronized void stop() {
		if (this.task != null) {
			this.task.cancel(false);
			this.task = null;
		}
	}

	boolean isRunning() {
		return this.task != null;
	}

	void close() {
		stop();
		this.executor.shutdownNow();
	}

	// The consumer ignores content it has already seen, so handing over the same stable
	// content on
	// every poll is cheap and keeps this class free of the consumer's state.
	private void poll() {
		try {
			Read read = read(this.path);
			Instant now = this.clock.instant();
			if (!read.fingerprint().equals(this.pendingFingerprint)) {
				this.pendingFingerprint = read.fingerprint();
				this.pendingSince = now;
				if (!this.properties.quietPeriod().isZero()) {
					return;
				}
			}
			if (Duration.between(this.pendingSince, now).compareTo(this.properties.quietPeriod()) >= 0) {
				this.onStableContent.accept(read);
			}
		}
		catch (RuntimeException ex) {
			// An exception would cancel the schedule silently and end hot reload for
			// good.
			logger.error("Checking access config {} failed; will try again", this.path, ex);
		}
	}

	/**
	 * Reads the file once, following symlinks; never throws for a missing or unreadable
	 * file.
	 */
	static Read read(Path path) {
		try {
			Path real = path.toRealPath();
			byte[] bytes;
			try (InputStream in = Files.newInputStream(real)) {
				bytes = in.readNBytes((int) MAX_SIZE + 1);
			}
			if (bytes.length > MAX_SIZE) {
				return Read.problem("too-large",
						"config file " + path + " is larger than 1 MiB; is it the right file?");
			}
			return new Read("sha256:" + sha256(bytes), bytes, null);
		}
		catch (NoSuchFileException ex) {
			return Read.problem("missing", "config file " + path + " does not exist");
		}
		catch (IOException ex) {
			return Read.problem("unreadable:" + ex, "config file " + path + " cannot be read: " + ex);
		}
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JVM", ex);
		}
	}

	/**
	 * One look at the file.
	 *
	 * @param fingerprint equal for equal content (or equal problem)
	 * @param bytes the content, or {@code null} when it could not be read
	 * @param problem why it could not be read, or {@code null}
	 */
	record Read(String fingerprint, byte[] bytes, String problem) {

		static Read problem(String fingerprint, String problem) {
			return new Read(fingerprint, null, problem);
		}

	}

}
