package io.github.recordingbot;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The bot-wide settings under {@code bot.*}: where the bot is reached, how chat reaches
 * it, where its files are. Features with settings of their own keep them in their own
 * record under a sub-prefix ({@code bot.access}, {@code bot.audit},
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
 */
@ConfigurationProperties("bot")
@Validated
public record BotProperties(@Nullable URI publicBaseUrl, @NotNull @DefaultValue("webhook") Mode mode,
		@NotNull @DefaultValue("/config/config.json") Path configFile, @NotNull @DefaultValue("./log") Path logDir,
		@DefaultValue("text") String logFormat) {

	/** The placeholder shown to users and operators while the public URL is not set. */
	public static final String PUBLIC_BASE_URL_PLACEHOLDER = "<PUBLIC_BASE_URL>";

	public BotProperties {
		publicBaseUrl = publicBaseUrl(publicBaseUrl);
	}

	/** The defaults, for code that runs without Spring (tests). */
	public static BotProperties defaults() {
		return new BotProperties(null, Mode.WEBHOOK, Path.of("/config/config.json"), Path.of("./log"), "text");
	}

	public BotProperties withPublicBaseUrl(String url) {
		return new BotProperties((url != null) ? URI.create(url) : null, this.mode, this.configFile, this.logDir,
				this.logFormat);
	}

	public BotProperties withMode(Mode mode) {
		return new BotProperties(this.publicBaseUrl, mode, this.configFile, this.logDir, this.logFormat);
	}

	public BotProperties withConfigFile(Path configFile) {
		return new BotProperties(this.publicBaseUrl, this.mode, configFile, this.logDir, this.logFormat);
	}

	public BotProperties withLogDir(Path logDir) {
		return new BotProperties(this.publicBaseUrl, this.mode, this.configFile, logDir, this.logFormat);
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

	/** How Webex events reach the bot. */
	public enum Mode {

		/** Webex posts them to {@code <PUBLIC_BASE_URL>/webhook}. */
		WEBHOOK,

		/** The bot keeps a websocket open to Webex; no inbound connection needed. */
		WEBSOCKET

	}

}
