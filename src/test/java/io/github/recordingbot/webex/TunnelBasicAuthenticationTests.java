package io.github.recordingbot.webex;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether the JDK may answer a proxy's Basic challenge on a CONNECT tunnel. A copy of the
 * system properties stands in for the JVM's, which other tests share.
 */
class TunnelBasicAuthenticationTests {

	final Properties system = new Properties();

	@Test
	void aProxyWithAUserAndPasswordEnablesBasicForTunnels() {
		MockEnvironment environment = new MockEnvironment().withProperty("webex.proxy.https-url",
				"http://bot:s3cret@proxy.corp:3128");

		assertThat(TunnelBasicAuthentication.enable(environment, this.system)).hasValueSatisfying((note) -> {
			assertThat(note.warning()).isFalse();
			assertThat(note.text()).contains("Basic proxy authentication enabled")
				.doesNotContain("bot")
				.doesNotContain("s3cret");
		});
		assertThat(this.system.getProperty(TunnelBasicAuthentication.PROPERTY)).isEmpty();
	}

	@Test
	void anHttpProxyWithAUserAndPasswordEnablesItToo() {
		MockEnvironment environment = new MockEnvironment().withProperty("webex.proxy.http-url",
				"http://bot:s3cret@proxy.corp:3128");

		assertThat(TunnelBasicAuthentication.enable(environment, this.system)).isPresent();
		assertThat(this.system.getProperty(TunnelBasicAuthentication.PROPERTY)).isEmpty();
	}

	@Test
	void aProxyWithoutCredentialsKeepsTheJdkDefault() {
		MockEnvironment environment = new MockEnvironment().withProperty("webex.proxy.https-url",
				"http://proxy.corp:3128");

		assertThat(TunnelBasicAuthentication.enable(environment, this.system)).isEmpty();
		assertThat(this.system).doesNotContainKey(TunnelBasicAuthentication.PROPERTY);
	}

	@Test
	void noProxyKeepsTheJdkDefault() {
		assertThat(TunnelBasicAuthentication.enable(new MockEnvironment(), this.system)).isEmpty();
		assertThat(this.system).doesNotContainKey(TunnelBasicAuthentication.PROPERTY);
	}

	@Test
	void anInvalidProxyUrlIsLeftForProxySettingsToReport() {
		MockEnvironment environment = new MockEnvironment().withProperty("webex.proxy.https-url",
				"socks5://bot:s3cret@proxy.corp:1080");

		assertThat(TunnelBasicAuthentication.enable(environment, this.system)).isEmpty();
		assertThat(this.system).doesNotContainKey(TunnelBasicAuthentication.PROPERTY);
	}

	@Test
	void aValueTheOperatorSetIsKept() {
		this.system.setProperty(TunnelBasicAuthentication.PROPERTY, "Digest");
		MockEnvironment environment = new MockEnvironment().withProperty("webex.proxy.https-url",
				"http://bot:s3cret@proxy.corp:3128");

		assertThat(TunnelBasicAuthentication.enable(environment, this.system)).isEmpty();
		assertThat(this.system.getProperty(TunnelBasicAuthentication.PROPERTY)).isEqualTo("Digest");
	}

	@Test
	void anOperatorValueThatDisablesBasicIsKeptWithAWarning() {
		this.system.setProperty(TunnelBasicAuthentication.PROPERTY, "Digest, basic");
		MockEnvironment environment = new MockEnvironment().withProperty("webex.proxy.https-url",
				"http://bot:s3cret@proxy.corp:3128");

		assertThat(TunnelBasicAuthentication.enable(environment, this.system)).hasValueSatisfying((note) -> {
			assertThat(note.warning()).isTrue();
			assertThat(note.text()).contains("cannot answer the proxy's Basic challenge").doesNotContain("s3cret");
		});
		assertThat(this.system.getProperty(TunnelBasicAuthentication.PROPERTY)).isEqualTo("Digest, basic");
	}

}
