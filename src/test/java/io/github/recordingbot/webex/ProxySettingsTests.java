package io.github.recordingbot.webex;

import java.net.Proxy;
import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProxySettingsTests {

	static ProxySettings env(String https, String http, String noProxy) {
		return ProxySettings.from(new WebexProperties.Proxy(https, http, noProxy), (key) -> null);
	}

	@Test
	void httpsProxyWithCredentialsIsParsedAndDescribedWithoutThem() {
		ProxySettings proxy = env("http://bot%40corp:s3cr%3At@proxy.corp:3128", null, null);

		assertThat(proxy.https()).isEqualTo(new ProxySettings.Endpoint("proxy.corp", 3128, "bot@corp", "s3cr:t"));
		assertThat(proxy.describe()).startsWith("proxy: proxy.corp:3128, with credentials")
			.doesNotContain("s3cr")
			.doesNotContain("bot@corp");
		assertThat(proxy.toString()).doesNotContain("s3cr");
		assertThat(new WebexProperties.Proxy("http://u:s3cr@p:1", null, null).toString()).doesNotContain("s3cr");
	}

	@Test
	void aProxyWithoutSchemeMeansHttp() {
		assertThat(env("proxy.corp:8080", null, null).https())
			.isEqualTo(new ProxySettings.Endpoint("proxy.corp", 8080, null, null));
	}

	@Test
	void httpsAndWssUseTheHttpsProxyHttpAndWsTheHttpOne() {
		ProxySettings proxy = env("http://secure:1", "http://plain:2", null);

		assertThat(proxy.forUri(URI.create("https://webexapis.com/v1"))).map(ProxySettings.Endpoint::host)
			.hasValue("secure");
		assertThat(proxy.forUri(URI.create("wss://mercury.wbx2.com/x"))).map(ProxySettings.Endpoint::host)
			.hasValue("secure");
		assertThat(proxy.forUri(URI.create("http://fake:9/v1"))).map(ProxySettings.Endpoint::host).hasValue("plain");
		assertThat(proxy.forUri(URI.create("ws://fake:9/x"))).map(ProxySettings.Endpoint::host).hasValue("plain");
	}

	@Test
	void noProxyMatchesHostsDomainsAndAddresses() {
		ProxySettings proxy = env("http://proxy:3128", null, " .webex.com, wbx2.com:443,10.0.0.7 ");

		assertThat(proxy.forUri(URI.create("https://webex.com/"))).isEmpty();
		assertThat(proxy.forUri(URI.create("https://api.webex.com/"))).isEmpty();
		assertThat(proxy.forUri(URI.create("https://u2c.wbx2.com/"))).isEmpty();
		assertThat(proxy.forUri(URI.create("https://10.0.0.7/"))).isEmpty();
		assertThat(proxy.forUri(URI.create("https://webexapis.com/v1"))).isPresent();
		assertThat(proxy.forUri(URI.create("https://notwebex.com/"))).isPresent();
		assertThat(env("http://proxy:3128", null, "*").forUri(URI.create("https://webexapis.com/"))).isEmpty();
	}

	@Test
	void theSelectorNamesTheProxyOrNone() {
		ProxySettings proxy = env("http://proxy:3128", null, "direct.example.com");

		assertThat(proxy.selector().select(URI.create("https://webexapis.com/v1"))).singleElement()
			.satisfies((p) -> assertThat(p.address().toString()).contains("proxy").contains("3128"));
		assertThat(proxy.selector().select(URI.create("https://direct.example.com/"))).containsExactly(Proxy.NO_PROXY);
	}

	@Test
	void withoutEnvironmentTheJvmPropertiesCount() {
		Map<String, String> jvm = Map.of("https.proxyHost", "jvm-proxy", "https.proxyPort", "8443",
				"http.nonProxyHosts", "localhost|*.internal|127.*");
		ProxySettings proxy = ProxySettings.from(new WebexProperties.Proxy("", "", ""), jvm::get);

		assertThat(proxy.https()).isEqualTo(new ProxySettings.Endpoint("jvm-proxy", 8443, null, null));
		assertThat(proxy.forUri(URI.create("https://webexapis.com/"))).isPresent();
		assertThat(proxy.forUri(URI.create("https://a.internal/"))).isEmpty();
		assertThat(proxy.forUri(URI.create("https://127.0.0.1/"))).isEmpty();
		assertThat(proxy.describe()).isEqualTo("proxy: jvm-proxy:8443; direct for localhost, *.internal, 127.*");
	}

	@Test
	void nothingSetMeansDirect() {
		ProxySettings proxy = env(null, null, null);

		assertThat(proxy.enabled()).isFalse();
		assertThat(proxy.forUri(URI.create("https://webexapis.com/"))).isEmpty();
		assertThat(proxy.describe()).isEqualTo("no proxy: connections are direct");
	}

	@Nested
	class Refuses {

		@Test
		void aProxySpokenToOverTlsNamingTheKeyButNotTheUrl() {
			assertThatIllegalArgumentException().isThrownBy(() -> env("https://u:s3cr@proxy:443", null, null))
				.withMessageContaining("webex.proxy.https-url (HTTPS_PROXY)")
				.withMessageNotContaining("s3cr");
		}

		@Test
		void aJvmPortThatIsNoNumber() {
			Map<String, String> jvm = Map.of("https.proxyHost", "p", "https.proxyPort", "x");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ProxySettings.from(new WebexProperties.Proxy(null, null, null), jvm::get))
				.withMessageContaining("https.proxyPort");
		}

	}

}
