package io.github.recordingbot.access;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a sender's e-mail address is on the allow-list of an
 * {@link AccessConfig}; {@link AccessPolicy#admit} asks it.
 *
 * <p>
 * Only exact ASCII matches count: any non-ASCII character is refused because Unicode case
 * and compatibility folding ({@code ı}, {@code ſ}, Kelvin sign, fullwidth letters) can
 * map a look-alike onto an approved identity, and case is mapped with {@link Locale#ROOT}
 * because the default locale may be Turkish ({@code "I".toLowerCase(tr)} is {@code ı}).
 * Domains match whole, never as a suffix, and plus tags are kept because
 * {@code alice+x@example.com} is a different Webex identity from
 * {@code alice@example.com}.
 */
final class SenderAllowList {

	// RFC 5321 §4.5.3.1: the longest address that fits a forward-path.
	private static final int MAX_ADDRESS_LENGTH = 254;

	private static final int MAX_DOMAIN_LENGTH = 253;

	// RFC 5322 atext plus the dot of dot-atom; quotes, backslashes and parentheses are
	// not in it,
	// so quoted local parts and comments are refused.
	private static final String LOCAL_PART_SPECIALS = "!#$%&'*+/=?^_`{|}~-.";

	private SenderAllowList() {
	}

	/**
	 * Whether {@code email} is approved: the whole address is in {@code approved_users}
	 * or its whole domain is in {@code approved_domains}. Empty lists approve nobody.
	 * @param email the sender's address as Webex reports it; may be {@code null}
	 * @param config the rules in force
	 * @return {@code true} only for an exact, case-insensitive ASCII match
	 */
	static boolean isApproved(String email, AccessConfig config) {
		Objects.requireNonNull(config, "config");
		Optional<String> address = normalizeAddress(email);
		if (address.isEmpty()) {
			return false;
		}
		String normalized = address.get();
		String domain = normalized.substring(normalized.lastIndexOf('@') + 1);
		return containsExactly(config.approvedUsers(), normalized) || containsExactly(config.approvedDomains(), domain);
	}

	/**
	 * The lower-case form of a well-formed ASCII address, or empty when it is not one.
	 */
	static Optional<String> normalizeAddress(String email) {
		if (email == null || email.isEmpty() || email.length() > MAX_ADDRESS_LENGTH || !isAscii(email)) {
			return Optional.empty();
		}
		int at = email.lastIndexOf('@');
		// "a@example.com@evil.org".split("@")[1] is example.com: insist on exactly one
		// '@'.
		if (at <= 0 || at != email.indexOf('@')) {
			return Optional.empty();
		}
		String local = email.substring(0, at);
		if (!isLocalPart(local) || normalizeDomain(email.substring(at + 1)).isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(email.toLowerCase(Locale.ROOT));
	}

	/** The lower-case form of a well-formed ASCII domain, or empty when it is not one. */
	static Optional<String> normalizeDomain(String domain) {
		// A trailing dot is the absolute FQDN (RFC 1034 §3.1); Webex addresses never
		// carry it.
		if (domain == null || domain.isEmpty() || domain.length() > MAX_DOMAIN_LENGTH || domain.startsWith(".")
				|| domain.endsWith(".") || domain.contains("..")) {
			return Optional.empty();
		}
		for (int i = 0; i < domain.length(); i++) {
			char c = domain.charAt(i);
			if (!isAsciiLetterOrDigit(c) && c != '-' && c != '.') {
				return Optional.empty();
			}
		}
		return Optional.of(domain.toLowerCase(Locale.ROOT));
	}

	static boolean isAscii(String value) {
		return value.chars().allMatch((c) -> c < 0x80);
	}

	private static boolean isLocalPart(String local) {
		for (int i = 0; i < local.length(); i++) {
			char c = local.charAt(i);
			if (!isAsciiLetterOrDigit(c) && LOCAL_PART_SPECIALS.indexOf(c) < 0) {
				return false;
			}
		}
		return !local.isEmpty();
	}

	private static boolean isAsciiLetterOrDigit(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	}

	// Entries are normally lower-case ASCII already (the parser makes them so), but a
	// snapshot
	// built in code could hold "\u212Aate@x.org", which Locale.ROOT lower-cases to
	// "kate@x.org":
	// such an entry must never match anything.
	private static boolean containsExactly(List<String> entries, String candidate) {
		for (String entry : entries) {
			if (entry != null && isAscii(entry) && entry.toLowerCase(Locale.ROOT).equals(candidate)) {
				return true;
			}
		}
		return false;
	}

}
