package io.github.recordingbot.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Allow-list cases (case, locales, Unicode look-alikes, suffixes, odd addresses): only
 * exact ASCII matches are approved.
 */
class SenderAllowListTests {

	private static final AccessConfig CONFIG = config(List.of("alice@partner.org", "kate@partner.org"),
			List.of("example.com", "cisco.com", "kb.cz"));

	private static final List<Locale> LOCALES = List.of(Locale.ROOT, Locale.ENGLISH, Locale.forLanguageTag("tr"),
			Locale.forLanguageTag("az"), Locale.forLanguageTag("lt"));

	static Stream<Arguments> approved() {
		return Stream.of(argumentSet("exact domain", "user@example.com"),
				argumentSet("upper-case domain", "user@EXAMPLE.COM"), argumentSet("mixed case", "User@Example.Com"),
				argumentSet("dotted I under any locale", "USER@CISCO.COM"),
				argumentSet("exact user", "alice@partner.org"), argumentSet("upper-case user", "ALICE@PARTNER.ORG"),
				argumentSet("upper-case K", "KATE@partner.org"), argumentSet("short domain", "anyone@KB.CZ"),
				argumentSet("atext specials", "o'brien.x_y-z@example.com"),
				argumentSet("plus tag on approved domain", "bob+ops@example.com"));
	}

	static Stream<Arguments> denied() {
		return Stream.of(argumentSet("blank", "   "), argumentSet("no @", "user.example.com"),
				argumentSet("empty local part", "@example.com"), argumentSet("empty domain", "alice@"),
				argumentSet("two @ approved first", "a@example.com@evil.org"),
				argumentSet("two @ approved last", "mallory@evil.org@example.com"),
				argumentSet("quoted local part with @", "\"a@b\"@example.com"),
				argumentSet("quoted local part", "\"alice\"@partner.org"),
				argumentSet("backslash escape", "a\\@b@example.com"), argumentSet("comment", "alice(x)@partner.org"),
				argumentSet("hyphen prefix", "user@evil-example.com"),
				argumentSet("approved domain as subdomain", "user@example.com.evil.org"),
				argumentSet("subdomain", "user@sub.example.com"), argumentSet("trailing dot", "user@example.com."),
				argumentSet("leading dot", "user@.example.com"), argumentSet("empty label", "user@example..com"),
				argumentSet("dotless i", "user@c\u0131sco.com"), argumentSet("long s", "user@ci\u017Fco.com"),
				argumentSet("dotted capital I", "user@C\u0130SCO.COM"),
				argumentSet("Kelvin sign in domain", "user@\u212Ab.cz"),
				argumentSet("Kelvin sign in user", "\u212Aate@partner.org"),
				argumentSet("fullwidth domain", "user@\uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45.com"),
				argumentSet("fullwidth c", "user@\uFF43isco.com"), argumentSet("Cyrillic es", "user@\u0441isco.com"),
				argumentSet("Cyrillic a in user", "\u0430lice@partner.org"),
				argumentSet("IDN A-label of the homograph", "user@xn--isco-k6d.com"),
				argumentSet("plus tag on approved user", "alice+tag@partner.org"),
				argumentSet("other user of user-only domain", "bob@partner.org"),
				argumentSet("CRLF after", "alice@partner.org\r\n"),
				argumentSet("header injection", "alice@partner.org\nBcc: x@evil.org"),
				argumentSet("CR inside", "ali\rce@partner.org"), argumentSet("trailing space", "alice@partner.org "),
				argumentSet("leading space", " alice@partner.org"), argumentSet("inner space", "al ice@partner.org"),
				argumentSet("tab", "alice@partner.org\t"), argumentSet("NUL", "alice@partner.org\u0000"),
				argumentSet("angle brackets", "<alice@partner.org>"),
				argumentSet("display name", "Alice <alice@partner.org>"),
				argumentSet("too long", "a".repeat(250) + "@example.com"));
	}

	@ParameterizedTest
	@MethodSource("approved")
	void approvedWhenAddressOrDomainMatchesExactly(String email) {
		assertThat(SenderAllowList.isApproved(email, CONFIG)).isTrue();
	}

	@ParameterizedTest
	@MethodSource("denied")
	void deniedWhenNotAnExactAsciiMatch(String email) {
		assertThat(SenderAllowList.isApproved(email, CONFIG)).isFalse();
	}

	@ParameterizedTest
	@NullAndEmptySource
	void deniedWhenAddressIsMissing(String email) {
		assertThat(SenderAllowList.isApproved(email, CONFIG)).isFalse();
	}

	@Test
	void decisionsDoNotDependOnTheDefaultLocale() {
		Locale original = Locale.getDefault();
		List<String> falseAllows = new ArrayList<>();
		List<String> falseDenials = new ArrayList<>();
		try {
			for (Locale locale : LOCALES) {
				Locale.setDefault(locale);
				denied().map(SenderAllowListTests::email)
					.filter((email) -> SenderAllowList.isApproved(email, CONFIG))
					.forEach((email) -> falseAllows.add(locale + ": " + email));
				approved().map(SenderAllowListTests::email)
					.filter((email) -> !SenderAllowList.isApproved(email, CONFIG))
					.forEach((email) -> falseDenials.add(locale + ": " + email));
			}
		}
		finally {
			Locale.setDefault(original);
		}
		assertThat(falseAllows).isEmpty();
		assertThat(falseDenials).isEmpty();
	}

	@Test
	void deniedWhenBothListsAreEmpty() {
		AccessConfig empty = AccessConfig.denyAll();
		List<String> allowed = Stream.concat(approved(), denied())
			.map(SenderAllowListTests::email)
			.filter((email) -> SenderAllowList.isApproved(email, empty))
			.toList();
		assertThat(allowed).isEmpty();
	}

	@Test
	void nonAsciiEntryInConfigMatchesNothing() {
		// Locale.ROOT lower-cases the Kelvin sign to 'k': the entry must not become
		// "kate@partner.org".
		AccessConfig config = config(List.of("\u212Aate@partner.org"), List.of("\u212Ab.cz"));
		assertThat(SenderAllowList.isApproved("kate@partner.org", config)).isFalse();
		assertThat(SenderAllowList.isApproved("user@kb.cz", config)).isFalse();
		assertThat(SenderAllowList.isApproved("\u212Aate@partner.org", config)).isFalse();
	}

	@Test
	void approvedWhenConfigEntryWasWrittenInUpperCase() {
		AccessConfig config = config(List.of("Alice@Partner.ORG"), List.of("EXAMPLE.COM"));
		assertThat(SenderAllowList.isApproved("alice@partner.org", config)).isTrue();
		assertThat(SenderAllowList.isApproved("user@example.com", config)).isTrue();
	}

	private static String email(Arguments arguments) {
		return (String) arguments.get()[0];
	}

	private static AccessConfig config(List<String> users, List<String> domains) {
		return new AccessConfig(users, domains, true, true, "en_US", 30, List.of(), AccessConfig.RateLimit.DEFAULTS);
	}

}
