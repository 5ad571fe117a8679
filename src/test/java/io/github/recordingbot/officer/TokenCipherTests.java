package io.github.recordingbot.officer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TokenCipherTests {

	@TempDir
	Path dir;

	@Test
	void encryptedValueRoundTripsAndDoesNotContainThePlainText() {
		TokenCipher cipher = TokenCipher.create("k".repeat(32), this.dir);
		byte[] sealed = cipher.encrypt("secret-token", "access_token");

		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("secret-token");
		assertThat(cipher.decrypt(sealed, "access_token")).isEqualTo("secret-token");
		assertThat(cipher.encrypt("secret-token", "access_token")).isNotEqualTo(sealed);
	}

	@Test
	void anotherKeyOrPurposeCannotDecrypt() {
		byte[] sealed = TokenCipher.create("k".repeat(32), this.dir).encrypt("secret-token", "access_token");

		assertThatIllegalStateException()
			.isThrownBy(() -> TokenCipher.create("x".repeat(32), this.dir).decrypt(sealed, "access_token"))
			.withMessageContaining("TOKEN_ENCRYPTION_KEY");
		assertThatIllegalStateException()
			.isThrownBy(() -> TokenCipher.create("k".repeat(32), this.dir).decrypt(sealed, "refresh_token"));
	}

	@Test
	void withoutAKeyAnOwnerOnlyKeyFileIsCreatedAndReused() throws Exception {
		TokenCipher first = TokenCipher.create(null, this.dir);
		byte[] sealed = first.encrypt("secret-token", "access_token");
		Path keyFile = this.dir.resolve(TokenCipher.KEY_FILE);

		assertThat(first.fromKeyFile()).isTrue();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
		assertThat(TokenCipher.create(null, this.dir).decrypt(sealed, "access_token")).isEqualTo("secret-token");
	}

}
