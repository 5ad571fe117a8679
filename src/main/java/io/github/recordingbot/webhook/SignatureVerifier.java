package io.github.recordingbot.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@code X-Spark-Signature}: the lowercase hex HMAC-SHA1 of the raw request bytes,
 * keyed with the webhook secret. Compared in constant time against the current secret,
 * and against the previous one only while {@link PreviousSecretWindow} still accepts it.
 *
 * @see <a href=
 * "https://developer.webex.com/docs/webhooks#handling-requests-from-webex">Webex
 * webhooks: verifying the signature</a>
 */
final class SignatureVerifier {

	private static final int SHA1_HEX_LENGTH = 40;

	private final byte @Nullable [] secret;

	private final byte @Nullable [] previousSecret;

	private final BooleanSupplier previousAccepted;

	/**
	 * @param secret the current secret, or {@code null}
	 * @param previousSecret the previous secret, or {@code null}
	 * @param previousAccepted whether the previous secret is still accepted, asked at
	 * each delivery
	 */
	SignatureVerifier(@Nullable String secret, @Nullable String previousSecret, BooleanSupplier previousAccepted) {
		this.secret = (secret != null) ? secret.getBytes(StandardCharsets.UTF_8) : null;
		this.previousSecret = (previousSecret != null) ? previousSecret.getBytes(StandardCharsets.UTF_8) : null;
		this.previousAccepted = previousAccepted;
	}

	/**
	 * Whether the signature is the HMAC of the body under one of the secrets.
	 * @param body the raw request bytes
	 * @param signature the header value, may be {@code null}
	 * @return {@code true} only for a valid signature
	 */
	boolean verify(byte[] body, @Nullable String signature) {
		List<byte[]> secrets = secrets();
		if (signature == null || signature.length() != SHA1_HEX_LENGTH || secrets.isEmpty()) {
			return false;
		}
		byte[] expected;
		try {
			expected = HexFormat.of().parseHex(signature);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		boolean valid = false;
		for (byte[] secret : secrets) {
			// Check every secret, so the time taken does not tell which one matched.
			valid |= MessageDigest.isEqual(hmacSha1(secret, body), expected);
		}
		return valid;
	}

	private List<byte[]> secrets() {
		List<byte[]> secrets = new ArrayList<>(2);
		if (this.secret != null) {
			secrets.add(this.secret);
		}
		if (this.previousSecret != null && this.previousAccepted.getAsBoolean()) {
			secrets.add(this.previousSecret);
		}
		return secrets;
	}

	static byte[] hmacSha1(byte[] secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret, "HmacSHA1"));
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA1 is not available", ex);
		}
	}

	/** The signature Webex sends for the body, as lowercase hex. */
	static String sign(String secret, byte[] body) {
		return HexFormat.of().formatHex(hmacSha1(secret.getBytes(StandardCharsets.UTF_8), body));
	}

}
