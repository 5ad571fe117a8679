package io.github.recordingbot.webhook;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signature check alone: the known vector, secret rotation, and every forgery
 * variant.
 */
class SignatureVerifierTests {

	static final String SECRET = "It's a Secret to Everybody";

	static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);

	static final String KNOWN = "01dc10d0c83e72ed246219cdd91669667fe2ca59";

	@Test
	void knownVectorIsAccepted() {
		assertThat(new SignatureVerifier(SECRET, null, () -> true).verify(BODY, KNOWN)).isTrue();
		assertThat(SignatureVerifier.sign(SECRET, BODY)).isEqualTo(KNOWN);
	}

	@Test
	void previousSecretIsAcceptedWhileTheWindowIsOpen() {
		assertThat(new SignatureVerifier("the-new-secret", SECRET, () -> true).verify(BODY, KNOWN)).isTrue();
	}

	@Test
	void previousSecretIsRefusedOnceTheWindowCloses() {
		assertThat(new SignatureVerifier("the-new-secret", SECRET, () -> false).verify(BODY, KNOWN)).isFalse();
	}

	@Test
	void previousSecretIsRefusedWhenNotConfigured() {
		assertThat(new SignatureVerifier("the-new-secret", null, () -> true).verify(BODY, KNOWN)).isFalse();
	}

	@Test
	void currentSecretIsAcceptedWhetherOrNotThePreviousIs() {
		assertThat(new SignatureVerifier(SECRET, "the-old-secret", () -> false).verify(BODY, KNOWN)).isTrue();
	}

	@Test
	void noSecretConfiguredRefusesEverything() {
		assertThat(new SignatureVerifier(null, null, () -> true).verify(BODY, KNOWN)).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("forgeries")
	void forgeryIsRefused(String name, byte[] body, String signature) {
		assertThat(new SignatureVerifier(SECRET, null, () -> true).verify(body, signature)).isFalse();
	}

	static Stream<Arguments> forgeries() {
		byte[] changed = "Hello, World?".getBytes(StandardCharsets.UTF_8);
		byte[] json = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
		byte[] reserialized = "{ \"a\": 1 }".getBytes(StandardCharsets.UTF_8);
		return Stream.of(Arguments.of("missing header", BODY, null), Arguments.of("empty header", BODY, ""),
				Arguments.of("wrong secret", BODY, SignatureVerifier.sign("another secret", BODY)),
				Arguments.of("one byte of the body changed", changed, KNOWN),
				Arguments.of("re-serialized JSON", reserialized, SignatureVerifier.sign(SECRET, json)),
				Arguments.of("39 hex chars", BODY, KNOWN.substring(1)), Arguments.of("41 hex chars", BODY, KNOWN + "0"),
				Arguments.of("10,000 hex chars", BODY, "a".repeat(10_000)),
				Arguments.of("non-hex chars", BODY, "zz" + KNOWN.substring(2)),
				Arguments.of("sha1= prefix", BODY, "sha1=" + KNOWN),
				Arguments.of("SHA-256 of the body", BODY,
						"757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"),
				Arguments.of("signature of an empty body", BODY, SignatureVerifier.sign(SECRET, new byte[0])),
				Arguments.of("whitespace around it", BODY, " " + KNOWN + " "),
				Arguments.of("last hex digit flipped", BODY, KNOWN.substring(0, 39) + "8"));
	}

}
