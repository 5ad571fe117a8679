package io.github.recordingbot.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * Reads the keys of config.json with their defaults, collecting every problem rather than
 * stopping at the first, so that one edit can fix them all.
 */
final class ConfigKeyReader {

	static final Set<String> LANGUAGES = Set.of("en_US", "cs_CZ");

	static final Entry ADDRESS = new Entry("an e-mail address like \"name@example.com\"",
			SenderAllowList::normalizeAddress);

	static final Entry DOMAIN = new Entry("a domain like \"example.com\"", SenderAllowList::normalizeDomain);

	private final List<String> errors = new ArrayList<>();

	private final List<String> warnings = new ArrayList<>();

	List<String> entries(JsonNode node, String key, Entry entry) {
		if (node == null) {
			return List.of();
		}
		if (!node.isArray()) {
			this.errors.add(key + " must be an array of strings, got " + describe(node));
			return List.of();
		}
		Set<String> values = new LinkedHashSet<>();
		for (int i = 0; i < node.size(); i++) {
			JsonNode item = node.get(i);
			String name = key + "[" + i + "]";
			if (!item.isString()) {
				this.errors.add(name + " must be a string, got " + describe(item));
			}
			else if (!SenderAllowList.isAscii(item.stringValue())) {
				this.errors.add(name + " must contain only ASCII characters (write internationalized domains "
						+ "as xn-- A-labels), got " + describe(item));
			}
			else {
				entry.normalizer()
					.apply(item.stringValue())
					.ifPresentOrElse(values::add, () -> this.errors.add(name + " must be " + entry.kind()
							+ " without spaces, quotes or a trailing dot, got " + describe(item)));
			}
		}
		return List.copyOf(values);
	}

	boolean bool(JsonNode node, String key, boolean defaultValue) {
		if (node == null) {
			return defaultValue;
		}
		if (!node.isBoolean()) {
			this.errors.add(key + " must be true or false, got " + describe(node));
			return defaultValue;
		}
		return node.booleanValue();
	}

	String language(JsonNode node, String key, String defaultValue) {
		if (node == null) {
			return defaultValue;
		}
		if (!node.isString() || !LANGUAGES.contains(node.stringValue())) {
			this.errors.add(key + " must be \"en_US\" or \"cs_CZ\", got " + describe(node));
			return defaultValue;
		}
		return node.stringValue();
	}

	int integer(JsonNode node, String key, int min, int max, int defaultValue) {
		if (node == null) {
			return defaultValue;
		}
		if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
			String range = (max == Integer.MAX_VALUE) ? "of at least " + min : "between " + min + " and " + max;
			this.errors.add(key + " must be an integer " + range + ", got " + describe(node));
			return defaultValue;
		}
		return node.intValue();
	}

	AccessConfig.RateLimit rateLimit(JsonNode node) {
		AccessConfig.RateLimit defaults = AccessConfig.RateLimit.DEFAULTS;
		if (node == null) {
			return defaults;
		}
		if (!node.isObject()) {
			this.errors.add("rate_limit must be an object like {\"requests_per_minute\": 10, "
					+ "\"meetings_per_day\": 20}, got " + describe(node));
			return defaults;
		}
		int perMinute = integer(node.get("requests_per_minute"), "rate_limit.requests_per_minute", 1, Integer.MAX_VALUE,
				defaults.requestsPerMinute());
		int perDay = integer(node.get("meetings_per_day"), "rate_limit.meetings_per_day", 1, Integer.MAX_VALUE,
				defaults.meetingsPerDay());
		warnUnknown(node, "rate_limit.", Set.of("requests_per_minute", "meetings_per_day"));
		return new AccessConfig.RateLimit(perMinute, perDay);
	}

	void warnUnknown(JsonNode parent, String prefix, Set<String> known) {
		for (String name : parent.propertyNames()) {
			if (!known.contains(name)) {
				this.warnings.add("unknown key \"" + prefix + name + "\" is ignored; check its spelling");
			}
		}
	}

	List<String> errors() {
		return this.errors;
	}

	List<String> warnings() {
		return this.warnings;
	}

	/**
	 * A value as it appears in JSON, with non-ASCII escaped so that homographs show in
	 * the log.
	 */
	static String describe(JsonNode node) {
		StringBuilder out = new StringBuilder();
		node.toString().codePoints().forEach((c) -> {
			if (c < 0x20 || c >= 0x7f) {
				Character.toString(c).chars().forEach((unit) -> out.append(String.format("\\u%04x", unit)));
			}
			else {
				out.append((char) c);
			}
		});
		return out.toString();
	}

	/** How one kind of list entry is described to the user and normalized. */
	record Entry(String kind, Function<String, Optional<String>> normalizer) {
	}

}
