package io.github.recordingbot.websocket;

import java.util.List;

import io.github.recordingbot.websocket.TrustedHosts.UntrustedHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The bot token goes only to https and wss URLs on Webex's domains, and to a listed
 * loopback test double.
 */
class TrustedHostsTests {

	final TrustedHosts webex = new TrustedHosts(List.of("wbx2.com", "webex.com", "ciscospark.com"));

	@ParameterizedTest
	@ValueSource(strings = { "https://u2c.wbx2.com", "https://wdm-a.wbx2.com/wdm/api/v1",
			"wss://mercury-connection-a.wbx2.com/v1/apps/wx2/registrations/x/messages", "https://WDM-A.WBX2.COM./wdm",
			"https://wbx2.com/", "https://u2c-k.webex.com/u2c", "https://wdm.ciscospark.com:443/wdm" })
	void webexHostsOverTlsAreTrusted(String url) {
		assertThat(this.webex.require(url, "it")).hasToString(url);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.example/wdm", "https://wbx2.com.evil.example/", "https://evilwbx2.com/",
			"https://wbx2.com@evil.example/", "https://user@wdm-a.wbx2.com/", "http://wdm-a.wbx2.com/wdm",
			"ws://mercury-connection-a.wbx2.com/x", "ftp://wdm-a.wbx2.com/", "wdm-a.wbx2.com/wdm", "https:///wdm",
			"not a url", "http://localhost:8080/wdm", "http://127.0.0.1/wdm" })
	void everythingElseIsRefused(String url) {
		assertThatExceptionOfType(UntrustedHostException.class).isThrownBy(() -> this.webex.require(url, "it"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:8080/u2c", "ws://localhost:9000/mercury/d1" })
	void aListedLoopbackHostMayUsePlainHttp(String url) {
		assertThat(new TrustedHosts(List.of("localhost")).require(url, "it")).hasToString(url);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost.evil.example/", "http://127.0.0.1:8080/u2c" })
	void plainHttpNeedsTheListedLoopbackHostItself(String url) {
		assertThatExceptionOfType(UntrustedHostException.class)
			.isThrownBy(() -> new TrustedHosts(List.of("localhost")).require(url, "it"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://10.0.0.5/u2c", "http://bot.internal/u2c" })
	void aListedHostOffThisMachineNeedsTls(String url) {
		assertThatExceptionOfType(UntrustedHostException.class)
			.isThrownBy(() -> new TrustedHosts(List.of("10.0.0.5", "bot.internal")).require(url, "it"));
	}

	@Test
	void theMessageNamesTheHostAndTheSetting() {
		assertThatExceptionOfType(UntrustedHostException.class)
			.isThrownBy(() -> this.webex.require("https://evil.example/wdm", "it"))
			.withMessageContaining("evil.example")
			.withMessageContaining("bot.websocket.trusted-domains");
	}

	@Test
	void aWildcardOrLeadingDotInTheSettingMeansTheDomainAndItsSubdomains() {
		TrustedHosts hosts = new TrustedHosts(List.of("*.wbx2.com", ".webex.com"));

		assertThat(hosts.require("https://wdm-a.wbx2.com/wdm", "it")).isNotNull();
		assertThat(hosts.require("https://u2c.webex.com/u2c", "it")).isNotNull();
		assertThatExceptionOfType(UntrustedHostException.class)
			.isThrownBy(() -> hosts.require("https://evil.example/", "it"));
	}

}
