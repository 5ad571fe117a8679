package io.github.recordingbot.status;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator's status page: its login ({@code bot.admin-password},
 * {@code bot.admin-password-file}, {@code bot.login.*}) and what it knows without asking
 * Webex ({@code bot.list-webhooks-at-startup}).
 *
 * @param adminPassword the password of user {@code admin} ({@code BOT_ADMIN_PASSWORD}),
 * at least {@value #MIN_PASSWORD_LENGTH} characters; {@code null} or blank generates one
 * at each start
 * @param adminPasswordFile where a generated password is written, readable by the bot's
 * user only; by default {@code admin-password} in the data directory
 * ({@code TOKEN_STORAGE_PATH})
 * @param login how failed logins are throttled
 * @param listWebhooksAtStartup whether to list the bot's webhooks at Webex once the bot
 * is ready (in the background), so that the status page shows them from the start; they
 * are listed again after each webhook action and by the hourly re-activation check
 */
@ConfigurationProperties("bot")
record OperatorProperties(@Nullable String adminPassword, @DefaultValue("./data/admin-password") Path adminPasswordFile,
		@DefaultValue Login login, @DefaultValue("true") boolean listWebhooksAtStartup) {

	static final int MIN_PASSWORD_LENGTH = 12;

	OperatorProperties {
		adminPassword = (adminPassword == null || adminPassword.isBlank()) ? null : adminPassword;
		if (adminPassword != null && adminPassword.codePointCount(0, adminPassword.length()) < MIN_PASSWORD_LENGTH) {
			throw new IllegalArgumentException("bot.admin-password (BOT_ADMIN_PASSWORD) must have at least "
					+ MIN_PASSWORD_LENGTH + " characters, e.g. the output of: openssl rand -base64 18");
		}
	}

	@Override
	public String toString() {
		return "OperatorProperties[adminPassword=" + ((this.adminPassword != null) ? "***" : "generated")
				+ ", adminPasswordFile=" + this.adminPasswordFile + ", login=" + this.login + ", listWebhooksAtStartup="
				+ this.listWebhooksAtStartup + "]";
	}

	/**
	 * Throttling of failed status page logins, per client address.
	 *
	 * @param maxFailures failed logins within {@code failureWindow} after which the
	 * address is refused
	 * @param failureWindow the time the failures are counted in, from the first
	 * @param lockout how long an address is refused (HTTP 429) after too many failures
	 */
	record Login(@DefaultValue("5") int maxFailures, @DefaultValue("10m") Duration failureWindow,
			@DefaultValue("10m") Duration lockout) {

		Login {
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

	}

}
