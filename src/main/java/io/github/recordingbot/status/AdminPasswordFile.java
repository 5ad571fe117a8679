package io.github.recordingbot.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A password generated for the operator when {@code BOT_ADMIN_PASSWORD} is not set,
 * written to a file only the bot's user can read (POSIX {@code rw-------}), never to the
 * log. A new one is made at every start.
 */
final class AdminPasswordFile {

	private AdminPasswordFile() {
	}

	/**
	 * Generates a password and writes it to the file, replacing an older one.
	 * @param file where to write it
	 * @return the password
	 */
	static String generate(Path file) {
		byte[] random = new byte[18];
		new SecureRandom().nextBytes(random);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Path directory = file.toAbsolutePath().getParent();
		try {
			Files.createDirectories(directory);
			// Created owner-only before anything is written, then renamed over the old
			// file, so that the password is never readable by others, not even for a
			// moment.
			Path temporary = createOwnerOnly(directory);
			try {
				Files.writeString(temporary, password + "\n", StandardCharsets.US_ASCII);
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Could not write the generated status page password to " + file
							+ "; set BOT_ADMIN_PASSWORD (bot.admin-password) or make bot.admin-password-file writable",
					ex);
		}
		return password;
	}

	private static Path createOwnerOnly(Path directory) throws IOException {
		try {
			return Files.createTempFile(directory, ".admin-password", ".tmp",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system (Windows): the directory's access rules apply.
			return Files.createTempFile(directory, ".admin-password", ".tmp");
		}
	}

}
