package io.github.recordingbot.access;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.github.recordingbot.access.ConfigKeyReader.ADDRESS;
import static io.github.recordingbot.access.ConfigKeyReader.DOMAIN;

/**
 * Turns the bytes of config.json into an {@link AccessConfig}, refusing wrong types and
 * values by key and reporting unknown keys as warnings.
 */
final class AccessConfigParser {

	static final int MAX_DAYS_BACK_LIMIT = 365;

	// Comments let the shipped example explain each key; duplicate keys are refused
	// because
	// which one wins is undefined (RFC 8259 §4) and a silent winner could widen access.
	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private static final Pattern SOURCE_NOTE = Pattern.compile("\\s*\\(?(start marker at )?\\[Source: [^\\]]*\\]\\)?");

	private AccessConfigParser() {
	}

	/**
	 * Parses one config.json.
	 * @param json the file's bytes (UTF-8)
	 * @return the snapshot and any warnings
	 * @throws InvalidAccessConfigException listing every wrong key, when the file is
	 * unusable
	 */
	static ParseResult parse(byte[] json) {
		JsonNode root = readTree(json);
		ConfigKeyReader keys = new ConfigKeyReader();
		List<String> approvedUsers = keys.entries(root.get("approved_users"), "approved_users", ADDRESS);
		List<String> approvedDomains = keys.entries(root.get("approved_domains"), "approved_domains", DOMAIN);
		boolean respondOnlyToHost = keys.bool(root.get("respond_only_to_host"), "respond_only_to_host", true);
		boolean protectPmr = keys.bool(root.get("protect_pmr"), "protect_pmr", true);
		String language = keys.language(root.get("language"), "language", "en_US");
		int maxDaysBack = keys.integer(root.get("max_days_back"), "max_days_back", 1, MAX_DAYS_BACK_LIMIT,
				AccessConfig.DEFAULT_MAX_DAYS_BACK);
		List<String> officers = keys.entries(root.get("compliance_officers"), "compliance_officers", ADDRESS);
		AccessConfig.RateLimit rateLimit = keys.rateLimit(root.get("rate_limit"));
		List<String> operators = keys.entries(root.get("operators"), "operators", ADDRESS);
		keys.warnUnknown(root, "", Set.of("approved_users", "approved_domains", "respond_only_to_host", "protect_pmr",
				"language", "max_days_back", "compliance_officers", "rate_limit", "operators"));
		if (!keys.errors().isEmpty()) {
			throw new InvalidAccessConfigException(keys.errors());
		}
		AccessConfig config = new AccessConfig(approvedUsers, approvedDomains, respondOnlyToHost, protectPmr, language,
				maxDaysBack, officers, rateLimit, operators);
		return new ParseResult(config, keys.warnings());
	}

	private static JsonNode readTree(byte[] json) {
		JsonNode root;
		try {
			root = MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			TokenStreamLocation at = ex.getLocation();
			String where = (at != null && at.getLineNr() > 0)
					? " at line " + at.getLineNr() + ", column " + at.getColumnNr() : "";
			// Drop Jackson's "[Source: REDACTED ...]" notes: the position is already in
			// "where".
			String reason = SOURCE_NOTE.matcher(ex.getOriginalMessage()).replaceAll("");
			throw new InvalidAccessConfigException("config.json is not valid JSON" + where + ": " + reason, ex);
		}
		if (root == null || root.isMissingNode()) {
			throw new InvalidAccessConfigException(List.of("config.json is empty; it must be a JSON object {...}"));
		}
		if (!root.isObject()) {
			throw new InvalidAccessConfigException(
					List.of("config.json must be a JSON object {...}, got " + ConfigKeyReader.describe(root)));
		}
		return root;
	}

	/**
	 * The outcome of parsing a config.json that can be used.
	 *
	 * @param config the new snapshot
	 * @param warnings problems that do not stop the file from being used, such as unknown
	 * keys
	 */
	record ParseResult(AccessConfig config, List<String> warnings) {

		ParseResult {
			warnings = List.copyOf(warnings);
		}

	}

}
