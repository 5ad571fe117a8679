package io.github.recordingbot.access;

import java.util.List;
import java.util.Locale;

/**
 * One immutable snapshot of the access rules in {@code config.json}.
 *
 * <p>
 * The keys of the original bot keep their meaning; new keys have safe defaults. A
 * snapshot is never changed: a reload builds a new one and swaps it in.
 *
 * @param approvedUsers e-mail addresses allowed to use the bot (ASCII, lower case)
 * @param approvedDomains e-mail domains allowed to use the bot (ASCII, lower case, whole
 * domain)
 * @param respondOnlyToHost only the meeting's host gets its recordings
 * @param protectPmr only the owner of a personal room gets its recordings
 * @param language {@code en_US} or {@code cs_CZ}
 * @param maxDaysBack largest "days back" a request may ask for
 * @param complianceOfficers e-mails allowed to authorize the integration; empty means
 * anyone
 * @param rateLimit per-sender limits
 * @param operators e-mails told in Webex when the bot needs a person; empty means nobody
 * is told
 */
public record AccessConfig(List<String> approvedUsers, List<String> approvedDomains, boolean respondOnlyToHost,
		boolean protectPmr, String language, int maxDaysBack, List<String> complianceOfficers, RateLimit rateLimit,
		List<String> operators) {

	public static final int DEFAULT_MAX_DAYS_BACK = 30;

	public AccessConfig {
		approvedUsers = List.copyOf(approvedUsers);
		approvedDomains = List.copyOf(approvedDomains);
		complianceOfficers = List.copyOf(complianceOfficers);
		operators = List.copyOf(operators);
	}

	/** Rules without operators, as before the {@code operators} key existed. */
	public AccessConfig(List<String> approvedUsers, List<String> approvedDomains, boolean respondOnlyToHost,
			boolean protectPmr, String language, int maxDaysBack, List<String> complianceOfficers,
			RateLimit rateLimit) {
		this(approvedUsers, approvedDomains, respondOnlyToHost, protectPmr, language, maxDaysBack, complianceOfficers,
				rateLimit, List.of());
	}

	/** The rules used before any file was read: nobody is approved. */
	public static AccessConfig denyAll() {
		return new AccessConfig(List.of(), List.of(), true, true, "en_US", DEFAULT_MAX_DAYS_BACK, List.of(),
				RateLimit.DEFAULTS);
	}

	/** The locale of the bot's replies, from {@link #language()}. */
	public Locale locale() {
		return "cs_CZ".equals(this.language) ? Locale.forLanguageTag("cs") : Locale.ENGLISH;
	}

	/**
	 * Per-sender limits against guessing meeting numbers.
	 *
	 * @param requestsPerMinute requests a sender may make per minute
	 * @param meetingsPerDay distinct meeting numbers a sender may ask for per day
	 */
	public record RateLimit(int requestsPerMinute, int meetingsPerDay) {

		public static final RateLimit DEFAULTS = new RateLimit(10, 20);

	}

}
