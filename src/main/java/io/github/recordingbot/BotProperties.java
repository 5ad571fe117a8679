package io.github.recordingbot;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bot-wide settings under {@code bot.*}, the one record bound to that prefix: where
 * the bot is reached, how chat reaches it, where its files are, which process it is, and
 * the operator's status page login. Features with settings of their own keep them in
 * their own record under a sub-prefix ({@code bot.access}, {@code bot.audit},
 * {@code bot.websocket}, {@code bot.workers}); this record imports no feature, so that
 * every feature may use it.
 *
 * @param publicBaseUrl the https address Webex and the officer's browser reach
 * ({@code PUBLIC_BASE_URL}), without a trailing slash; redirect URI and webhook target
 * come from it, never from a request's headers; {@code null} when not set
 * @param mode how Webex events reach the bot ({@code BOT_MODE})
 * @param configFile the access rules, {@code config.json} ({@code CFG_FILE_PATH})
 * @param logDir where {@code audit.jsonl} is written ({@code LOG_DIR})
 * @param logFormat {@code text}, or {@code json} for structured console logs
 * ({@code LOG_FORMAT}); applied by {@code LogFormat} before the context starts
 * @param instanceId which process of the bot this is ({@code BOT_INSTANCE_ID}): it names
 * the audit file, {@code audit-<instance>.jsonl}, so that replicas on one log volume
 * never append to one file; letters, digits, {@code -} and {@code _}, at most 63; empty
 * for none, as for a single bot on its H2 file; on PostgreSQL the host name is the
 * default (the pod's name in Kubernetes: see {@code replicas.InstanceIdDefault})
 * @param adminPassword the password of the status page user {@code admin}
 * ({@code BOT_ADMIN_PASSWORD}), at least {@value #MIN_PASSWORD_LENGTH} characters;
 * {@code null} or blank generates one at each start
 * @param adminPasswordFile where a generated password is written, readable by the bot's
 * user only; by default {@code admin-password} in the data directory
 * ({@code TOKEN_STORAGE_PATH})
 * @param login how failed status page logins are throttled
 * @param listWebhooksAtStartup whether to list the bot's webhooks at Webex once the bot
 * is ready (in the background), so that the status page shows them from the start; they
 * are listed again after each webhook action and by the hourly re-activation check
 */
@ConfigurationProperties("bot")
public record BotProperties(@Nullable URI publicBaseUrl, @DefaultValue("webhook") Mode mode,
		@DefaultValue("/config/config.json") Path configFile, @DefaultValue("./log") Path logDir,
		@DefaultValue("text") String logFormat, String instanceId, String adminPassword,
		@DefaultValue("./data/admin-password") Path adminPasswordFile, @DefaultValue Login login,
		@DefaultValue("true") boolean listWebhooksAtStartup) {

	/** The placeholder shown to users and operators while the public URL is not set. */
	public static final String PUBLIC_BASE_URL_PLACEHOLDER = "<PUBLIC_BASE_URL>";

	/** The shortest status page password accepted. */
	public static final int MIN_PASSWORD_LENGTH = 12;

	private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9_-]{1,63}");

	// An id that reads like a rotated file's day and number would make the active file
	// look rotated (audit.AuditFile.ROTATED_NAME), and so deletable.
	private static final Pattern ROTATION_LIKE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}-\\d+");

	public BotProperties {
		requireSet("bot.mode (BOT_MODE)", mode);
		requireSet("bot.config-file (CFG_FILE_PATH)", configFile);
		requireSet("bot.log-dir (LOG_DIR)", logDir);
		publicBaseUrl = publicBaseUrl(publicBaseUrl);
		instanceId = instanceId(instanceId);
		adminPassword = adminPassword(adminPassword);
		login = (login != null) ? login : Login.defaults();
	}

	/** The defaults, for code that runs without Spring (tests). */
	public static BotProperties defaults() {
		return new BotProperties(null, Mode.WEBHOOK, Path.of("/config/config.json"), Path.of("./log"), "text", null,
				null, Path.of("./data/admin-password"), Login.defaults(), true);
	}

	public BotProperties withPublicBaseUrl(String url) {
		return new BotProperties((url != null) ? URI.create(url) : null, this.mode, this.configFile, this.logDir,
				this.logFormat, this.instanceId, this.adminPassword, this.adminPasswordFile, this.login,
				this.listWebhooksAtStartup);
	}

	public BotProperties withMode(Mode mode) {
		return new BotProperties(this.publicBaseUrl, mode, this.configFile, this.logDir, this.logFormat,
				this.instanceId, this.adminPassword, this.adminPasswordFile, this.login, this.listWebhooksAtStartup);
	}

	public BotProperties withConfigFile(Path configFile) {
		return new BotProperties(this.publicBaseUrl, this.mode, configFile, this.logDir, this.logFormat,
				this.instanceId, this.adminPassword, this.adminPasswordFile, this.login, this.listWebhooksAtStartup);
	}

	public BotProperties withLogDir(Path logDir) {
		return new BotProperties(this.publicBaseUrl, this.mode, this.configFile, logDir, this.logFormat,
				this.instanceId, this.adminPassword, this.adminPasswordFile, this.login, this.listWebhooksAtStartup);
	}

	public BotProperties withInstanceId(String instanceId) {
		return new BotProperties(this.publicBaseUrl, this.mode, this.configFile, this.logDir, this.logFormat,
				instanceId, this.adminPassword, this.adminPasswordFile, this.login, this.listWebhooksAtStartup);
	}

	/** These settings with another status page password and file for a generated one. */
	public BotProperties withAdminPassword(String adminPassword, Path adminPasswordFile) {
		return new BotProperties(this.publicBaseUrl, this.mode, this.configFile, this.logDir, this.logFormat,
				this.instanceId, adminPassword, adminPasswordFile, this.login, this.listWebhooksAtStartup);
	}

	public BotProperties withListWebhooksAtStartup(boolean listWebhooksAtStartup) {
		return new BotProperties(this.publicBaseUrl, this.mode, this.configFile, this.logDir, this.logFormat,
				this.instanceId, this.adminPassword, this.adminPasswordFile, this.login, listWebhooksAtStartup);
	}

	/** Whether {@code PUBLIC_BASE_URL} is set. */
	public boolean hasPublicBaseUrl() {
		return this.publicBaseUrl != null;
	}

	/**
	 * An absolute address of the bot, e.g. {@code publicUrl("/webhook")}; with the
	 * placeholder {@value #PUBLIC_BASE_URL_PLACEHOLDER} while the public URL is not set.
	 */
	public String publicUrl(String path) {
		return (hasPublicBaseUrl() ? this.publicBaseUrl.toString() : PUBLIC_BASE_URL_PLACEHOLDER) + path;
	}

	/** Whether the bot is reached over https, so that its session cookie is Secure. */
	public boolean isHttps() {
		return hasPublicBaseUrl() && "https".equalsIgnoreCase(this.publicBaseUrl.getScheme());
	}

	private static void requireSet(String key, @Nullable Object value) {
		if (value == null) {
			throw new IllegalArgumentException(key + " must be set; leave it out for its default");
		}
	}

	private static @Nullable URI publicBaseUrl(@Nullable URI url) {
		if (url == null || url.toString().isBlank()) {
			return null;
		}
		if (url.getScheme() == null || url.getHost() == null
				|| !url.getScheme().toLowerCase(Locale.ROOT).startsWith("http")) {
			throw new IllegalArgumentException(
					"bot.public-base-url (PUBLIC_BASE_URL) must be an absolute http(s) URL such as https://bot.example.com, got "
							+ url);
		}
		String trimmed = url.toString().strip().replaceAll("/+$", "");
		return URI.create(trimmed);
	}

	private static String instanceId(String id) {
		String trimmed = (id != null) ? id.trim() : "";
		if (!trimmed.isEmpty()
				&& (!INSTANCE_ID.matcher(trimmed).matches() || ROTATION_LIKE.matcher(trimmed).matches())) {
			throw new IllegalArgumentException("bot.instance-id (BOT_INSTANCE_ID) must be 1 to 63 letters, digits, "
					+ "'-' or '_', and not a date followed by a number; was '" + trimmed + "'");
		}
		return trimmed;
	}

	private static String adminPassword(String password) {
		if (password == null || password.isBlank()) {
			return null;
		}
		if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
			throw new IllegalArgumentException("bot.admin-password (BOT_ADMIN_PASSWORD) must have at least "
					+ MIN_PASSWORD_LENGTH + " characters, e.g. the output of: openssl rand -base64 18");
		}
		return password;
	}

	/** Never the password. */
	@Override
	public String toString() {
		return "BotProperties[publicBaseUrl=" + this.publicBaseUrl + ", mode=" + this.mode + ", configFile="
				+ this.configFile + ", logDir=" + this.logDir + ", logFormat=" + this.logFormat + ", instanceId="
				+ this.instanceId + ", adminPassword=" + ((this.adminPassword != null) ? "***" : "generated")
				+ ", adminPasswordFile=" + this.adminPasswordFile + ", login=" + this.login + ", listWebhooksAtStartup="
				+ this.listWebhooksAtStartup + "]";
	}

	/**
	 * Throttling of failed status page logins, per client address ({@code bot.login.*}).
	 *
	 * @param maxFailures failed logins within {@code failureWindow} after which the
	 * address is refused
	 * @param failureWindow the time the failures are counted in, from the first
	 * @param lockout how long an address is refused (HTTP 429) after too many failures
	 */
	public record Login(@DefaultValue("5") int maxFailures, @DefaultValue("10m") Duration failureWindow,
			@DefaultValue("10m") Duration lockout) {

		public Login {
			if (maxFailures < 1) {
				throw new IllegalArgumentException("bot.login.max-failures must be at least 1, got " + maxFailures);
			}
			if (failureWindow == null || failureWindow.isNegative() || failureWindow.isZero()) {
				throw new IllegalArgumentException("bot.login.failure-window must be positive, got " + failureWindow);
			}
			if (lockout == null || lockout.isNegative() || lockout.isZero()) {
				throw new IllegalArgumentException("bot.login.lockout must be positive, got " + lockout);
			}
		}

		/** Five failures in ten minutes lock an address out for ten minutes. */
		public static Login defaults() {
			return new Login(5, Duration.ofMinutes(10), Duration.ofMinutes(10));
		}

	}

	/** How Webex events reach the bot. */
	public enum Mode {

		/** Webex posts them to {@code <PUBLIC_BASE_URL>/webhook}. */
		WEBHOOK,

		/** The bot keeps a websocket open to Webex; no inbound connection needed. */
		WEBSOCKET

	}

}
