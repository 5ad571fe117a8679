package io.github.recordingbot.officer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts token values at rest with AES-256-GCM, keyed by {@code TOKEN_ENCRYPTION_KEY}
 * or, when that is not set, by a key file the bot creates in the data directory
 * (owner-only).
 */
final class TokenCipher {

	private static final Logger logger = LoggerFactory.getLogger(TokenCipher.class);

	static final String KEY_FILE = "token-encryption.key";

	private static final byte VERSION = 1;

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey key;

	private final boolean fromKeyFile;

	private final SecureRandom random = new SecureRandom();

	private TokenCipher(byte[] secret, boolean fromKeyFile) {
		this.key = new SecretKeySpec(sha256(secret), "AES");
		this.fromKeyFile = fromKeyFile;
	}

	/**
	 * The configured key, or the key file in the data directory (created on first use).
	 */
	static TokenCipher create(String configuredKey, Path dataDirectory) {
		if (configuredKey != null) {
			return new TokenCipher(configuredKey.getBytes(StandardCharsets.UTF_8), false);
		}
		return new TokenCipher(keyFile(dataDirectory.resolve(KEY_FILE)), true);
	}

	/**
	 * Whether the key lives next to the data it protects, which the status page warns
	 * about.
	 */
	boolean fromKeyFile() {
		return this.fromKeyFile;
	}

	/**
	 * Encrypts the value; the purpose is bound in, so an access token cannot pass for a
	 * refresh token.
	 */
	byte[] encrypt(String value, String purpose) {
		try {
			byte[] iv = new byte[IV_BYTES];
			this.random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt a token", ex);
		}
	}

	/** Decrypts what {@link #encrypt} made; a wrong key or tampered bytes throw. */
	String decrypt(byte[] stored, String purpose) {
		if (stored == null || stored.length < 1 + IV_BYTES || stored[0] != VERSION) {
			throw new IllegalStateException("A stored token is not in the expected encrypted format");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, stored, 1, IV_BYTES));
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			byte[] plain = cipher.doFinal(stored, 1 + IV_BYTES, stored.length - 1 - IV_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(
					"Could not decrypt a stored token: TOKEN_ENCRYPTION_KEY differs from the one it was stored with",
					ex);
		}
	}

	private static byte[] keyFile(Path file) {
		try {
			Files.createDirectories(file.getParent());
			if (!Files.exists(file)) {
				byte[] random = new byte[32];
				new SecureRandom().nextBytes(random);
				try {
					create(file, Base64.getEncoder().encodeToString(random));
					logger.warn("TOKEN_ENCRYPTION_KEY is not set; created the key file {}. Set TOKEN_ENCRYPTION_KEY "
							+ "so that a copy of the data directory alone does not reveal the tokens.", file);
				}
				catch (FileAlreadyExistsException ex) {
					// another replica on the same volume created it first; use theirs
				}
			}
			String key = Files.readString(file, StandardCharsets.US_ASCII).trim();
			if (key.length() < 32) {
				throw new IllegalStateException("The token key file " + file + " is empty or too short; delete it "
						+ "and authorize again, or set TOKEN_ENCRYPTION_KEY");
			}
			return key.getBytes(StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or create the token key file " + file, ex);
		}
	}

	private static void create(Path file, String content) throws IOException {
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			Files.createFile(file);
		}
		Files.writeString(file, content, StandardCharsets.US_ASCII);
	}

	private static byte[] sha256(byte[] secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
