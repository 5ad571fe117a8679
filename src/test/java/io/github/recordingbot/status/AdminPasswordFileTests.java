package io.github.recordingbot.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import io.github.recordingbot.BotProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Without {@code BOT_ADMIN_PASSWORD} the generated password goes to an owner-only file in
 * the data directory, and the log says where, not what.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminPasswordFileTests {

	@TempDir
	Path dir;

	@Test
	void generatedPasswordIsWrittenOwnerOnlyAndNotLogged(CapturedOutput output) throws IOException {
		Path file = this.dir.resolve("data").resolve("admin-password");

		UserDetails admin = operator(null, file).loadUserByUsername("admin");

		String password = Files.readString(file).trim();
		assertThat(password).hasSizeGreaterThanOrEqualTo(BotProperties.MIN_PASSWORD_LENGTH);
		assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches(password, admin.getPassword()))
			.isTrue();
		assertThat(output).contains(file.toAbsolutePath().toString()).doesNotContain(password);
		assumeThat(Files.getFileStore(file).supportsFileAttributeView("posix")).isTrue();
		assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);
	}

	@Test
	void eachStartReplacesTheFileWithANewOwnerOnlyPassword() throws IOException {
		Path file = this.dir.resolve("admin-password");
		Files.writeString(file, "old-password-everyone-could-read\n");

		operator(null, file);

		assertThat(Files.readString(file)).doesNotContain("old-password");
		assertThat(this.dir).isDirectoryNotContaining("glob:**/.admin-password*");
		assumeThat(Files.getFileStore(file).supportsFileAttributeView("posix")).isTrue();
		assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);
	}

	@Test
	void configuredPasswordWritesNoFile() {
		Path file = this.dir.resolve("admin-password");

		operator("configured-password", file);

		assertThat(file).doesNotExist();
	}

	static UserDetailsService operator(String password, Path file) {
		return new SecurityConfiguration().operator(BotProperties.defaults().withAdminPassword(password, file));
	}

}
