package io.github.recordingbot.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Spark-Signature}: the lowercase hex HMAC-SHA1 of the raw request bytes,
 * keyed with the webhook secret. Compared in constant time against the current and the
 * previous secret.
 *
 * @see <a href=
 * "https://developer.webex.com/docs/webhooks#handling-requests-from-webex">Webex
 * webhooks: verifying the signature</a>
 */
final class SignatureVerifier {

	private static final int SHA1_HEX_LENGTH = 40;

	private final List<byte[]> secrets;

	SignatureVerifier(String secret, String previousSecret) {
		List<byte[]> keys = new ArrayList<>();
		if (secret != null) {
			keys.add(secret.getBytes(StandardCharsets.UTF_8));
		}
		if (previousSecret != null) {
			keys.add(previousSecret.getBytes(StandardCharsets.UTF_8));
		}
		this.secrets = List.copyOf(keys);
	}

	/**
	 * Whether the signature is the HMAC of the body under one of the secrets.
	 * @param body the raw request bytes
	 * @param signature the header value, may be {@code null}
	 * @return {@code true} only for a valid signature
	 */
	boolean verify(byte[] body, String signature) {
		if (signature == null || signature.length() != SHA1_HEX_LENGTH || this.secrets.isEmpty()) {
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
		for (byte[] secret : this.secrets) {
			// Check every secret, so the time taken does not tell which one matched.
			valid |= MessageDigest.isEqual(hmacSha1(secret, body), expected);
		}
		return valid;
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
