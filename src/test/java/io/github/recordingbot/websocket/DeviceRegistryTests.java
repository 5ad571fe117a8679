package io.github.recordingbot.websocket;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.github.recordingbot.support.FakeMercury;
import io.github.recordingbot.support.WebexFake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster of public ids comes from the U2C host catalog, as webex-js-sdk derives it.
 */
class DeviceRegistryTests {

	static final WebexFake WEBEX = new WebexFake().start();

	static final FakeMercury MERCURY = new FakeMercury();

	@AfterAll
	static void stop() {
		WEBEX.stop();
		MERCURY.close();
	}

	@Test
	void clusterIsUsForTheUsHostAndUnknownHostsAndTheCatalogsClusterOtherwise() {
		WEBEX.mercuryDiscovery(MERCURY, "[]");
		WebsocketProperties properties = new WebsocketProperties(URI.create(WEBEX.u2cUrl()), "webex-recording-bot",
				Duration.ofSeconds(15), Duration.ofSeconds(14), Duration.ofSeconds(30), Duration.ofSeconds(1),
				Duration.ofSeconds(32), List.of("localhost"));
		DeviceRegistry registry = new DeviceRegistry(RestClient.create(), properties, WebexFake.BOT_TOKEN);

		registry.register();

		assertThat(registry.cluster("https://conv-a.wbx2.com/conversation/api/v1/conversations/x")).isEqualTo("us");
		assertThat(registry.cluster("https://conv-k.wbx2.com/conversation/api/v1/conversations/x"))
			.isEqualTo("urn:TEAM:eu-central-1_k");
		assertThat(registry.cluster("https://conv-unknown.example/conversations/x")).isEqualTo("us");
		assertThat(registry.cluster(null)).isEqualTo("us");
	}

}
