package io.github.recordingbot.access;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.recordingbot.BotProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Holds the access rules read from {@code bot.config-file} and swaps in a new snapshot
 * whenever the file changes into a valid one.
 *
 * <p>
 * A missing or invalid file never stops the bot: before the first good file nobody is
 * approved ({@link AccessConfig#denyAll()}), afterwards the last good snapshot stays in
 * force.
 */
@Component
public class AccessConfigStore implements AccessRules, SmartLifecycle, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(AccessConfigStore.class);

	private static final String HOW_TO_FIX = "start from the commented example config/config.json of the project "
			+ "(the path comes from CFG_FILE_PATH); the file is re-read automatically once fixed";

	private final Path path;

	private final Clock clock;

	private final ConfigFileWatcher watcher;

	private final AtomicReference<AccessConfig> current = new AtomicReference<>(AccessConfig.denyAll());

	private final AtomicReference<ReloadStatus> status;

	// Guarded by "this": the fingerprint of the content last parsed, good or bad, so that
	// the same
	// broken file is reported once rather than on every poll.
	private String lastFingerprint;

	// The file is read here, not in start(), so that beans created later already see the
	// real rules.
	AccessConfigStore(BotProperties bot, AccessProperties properties, ObjectProvider<Clock> clock) {
		Path path = bot.configFile();
		this.path = path;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.status = new AtomicReference<>(new ReloadStatus(path, false, null, null, "not read yet", List.of(), 0, 0));
		this.watcher = new ConfigFileWatcher(path, properties, this.clock, this::apply);
		apply(ConfigFileWatcher.read(path));
	}

	@Override
	public AccessConfig current() {
		return this.current.get();
	}

	/** What the status page shows about the last load. */
	public ReloadStatus status() {
		return this.status.get();
	}

	/**
	 * Reads the file now, without waiting for the quiet period.
	 * @return {@code true} if its content changed and a new snapshot is now in force
	 */
	public boolean reloadNow() {
		return apply(ConfigFileWatcher.read(this.path));
	}

	private synchronized boolean apply(ConfigFileWatcher.Read read) {
		if (read.fingerprint().equals(this.lastFingerprint)) {
			return false;
		}
		this.lastFingerprint = read.fingerprint();
		Instant now = this.clock.instant();
		if (read.problem() != null) {
			reject(now, read.problem());
			return false;
		}
		try {
			AccessConfigParser.ParseResult result = AccessConfigParser.parse(read.bytes());
			accept(now, result);
			return true;
		}
		catch (InvalidAccessConfigException ex) {
			reject(now, "config file " + this.path + " is invalid: " + ex.getMessage());
			return false;
		}
	}

	private void accept(Instant now, AccessConfigParser.ParseResult result) {
		AccessConfig config = result.config();
		this.current.set(config);
		this.status.set(new ReloadStatus(this.path, true, now, now, null, result.warnings(),
				config.approvedUsers().size(), config.approvedDomains().size()));
		logger.info("Access rules loaded from {}: {} approved users, {} approved domains", this.path,
				config.approvedUsers().size(), config.approvedDomains().size());
		result.warnings().forEach((warning) -> logger.warn("Access config {}: {}", this.path, warning));
		if (config.approvedUsers().isEmpty() && config.approvedDomains().isEmpty()) {
			// The original bot approved everyone when both lists were empty; this one
			// approves nobody.
			logger.warn("Access config {} approves nobody: approved_users and approved_domains are both empty. "
					+ "Add e-mail addresses or domains to let people use the bot", this.path);
		}
	}

	private void reject(Instant now, String error) {
		ReloadStatus previous = this.status.get();
		AccessConfig config = this.current.get();
		this.status.set(new ReloadStatus(this.path, false, now, previous.lastSuccess(), error, List.of(),
				config.approvedUsers().size(), config.approvedDomains().size()));
		String consequence = (previous.lastSuccess() != null) ? "keeping the rules loaded at " + previous.lastSuccess()
				: "nobody may use the bot until it is fixed";
		logger.warn("Access rules not updated, {}: {}; {}", consequence, error, HOW_TO_FIX);
	}

	@Override
	public void start() {
		this.watcher.start();
	}

	@Override
	public void stop() {
		this.watcher.stop();
	}

	@Override
	public boolean isRunning() {
		return this.watcher.isRunning();
	}

	@Override
	public void destroy() {
		this.watcher.close();
	}

	/**
	 * The outcome of the latest look at the access config file.
	 *
	 * @param path the configured path ({@code bot.config-file})
	 * @param loadedOk whether the latest changed content was applied
	 * @param lastAttempt when changed content was last read, {@code null} before that
	 * @param lastSuccess when a snapshot was last applied, {@code null} if never
	 * @param lastError why the latest content was refused, {@code null} when it was
	 * applied
	 * @param warnings what was ignored in the applied file, such as unknown keys
	 * @param approvedUsers entries of {@code approved_users} in force
	 * @param approvedDomains entries of {@code approved_domains} in force
	 */
	public record ReloadStatus(Path path, boolean loadedOk, Instant lastAttempt, Instant lastSuccess, String lastError,
			List<String> warnings, int approvedUsers, int approvedDomains) {

		// each problem starts with its key (ConfigKeyReader); "config.json ..." is the
		// file as a whole
		private static final Pattern INVALID_KEY = Pattern
			.compile("(?:is invalid: |; )(?!config\\.json )([a-z_]+(?:\\[\\d+])?(?:\\.[a-z_]+)?) must ");

		public ReloadStatus {
			warnings = List.copyOf(warnings);
		}

		/**
		 * The keys the refused content got wrong, without their values (which may be
		 * anything the file holds).
		 * @return the keys in file order; empty when the content was applied, or when the
		 * file as a whole is unusable (missing, unreadable, not a JSON object)
		 */
		public List<String> invalidKeys() {
			if (this.loadedOk || this.lastError == null) {
				return List.of();
			}
			Matcher matcher = INVALID_KEY.matcher(this.lastError);
			List<String> keys = new ArrayList<>();
			while (matcher.find()) {
				keys.add(matcher.group(1));
			}
			return List.copyOf(keys);
		}

	}

}
