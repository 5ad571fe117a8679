package io.github.recordingbot.websocket;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Finds the device service in the U2C catalog and registers the bot's device there,
 * reusing the device registered under our name by an earlier run and removing further
 * ones we left behind (registrations pile up otherwise). These are undocumented Webex
 * internals, used the way webex-js-sdk and webex_bot use them. Every URL is checked
 * against {@link TrustedHosts} before the bot token goes there.
 */
class DeviceRegistry {

	private static final Logger logger = LoggerFactory.getLogger(DeviceRegistry.class);

	/**
	 * U2C cluster ids of the original US cluster; their public ids say {@code us}
	 * (webex-js-sdk).
	 */
	private static final List<String> US_CLUSTERS = List.of("urn:TEAM:us-east-2_a", "urn:TEAM:us-east-1_int13");

	private final RestClient rest;

	private final WebsocketProperties properties;

	private final String botToken;

	private final TrustedHosts hosts;

	private volatile Map<String, String> clustersByHost = Map.of();

	DeviceRegistry(RestClient rest, WebsocketProperties properties, String botToken) {
		this.rest = rest;
		this.properties = properties;
		this.botToken = botToken;
		this.hosts = new TrustedHosts(properties.trustedDomains());
	}

	/** The device to connect with: ours from an earlier run, or a new one. */
	Device register() {
		String wdm = discover();
		List<Device> ours = new ArrayList<>();
		JsonNode devices = get(URI.create(wdm + "/devices")).path("devices");
		devices.forEach((node) -> {
			if (this.properties.deviceName().equals(node.path("name").asString(null))) {
				ours.add(Device.of(node));
			}
		});
		if (ours.isEmpty()) {
			return create(wdm);
		}
		ours.subList(1, ours.size()).forEach(this::remove);
		logger.info("Reusing the websocket device registered as {}", this.properties.deviceName());
		return trusted(ours.get(0));
	}

	/**
	 * A fresh device instead of one Webex no longer accepts (404 on the handshake, 4401,
	 * 4400).
	 */
	Device replace(Device stale) {
		if (stale != null) {
			remove(stale);
		}
		return create(discover());
	}

	/**
	 * The cluster part of public ids for activities in a conversation, {@code us} unless
	 * the catalog puts the conversation's host in another cluster (webex-js-sdk
	 * getHydraClusterString).
	 */
	String cluster(String conversationUrl) {
		if (conversationUrl == null) {
			return "us";
		}
		String host;
		try {
			host = URI.create(conversationUrl).getHost();
		}
		catch (IllegalArgumentException ex) {
			return "us";
		}
		String clusterId = (host != null) ? this.clustersByHost.get(host.toLowerCase(Locale.ROOT)) : null;
		if (clusterId == null || US_CLUSTERS.stream().anyMatch(clusterId::startsWith)) {
			return "us";
		}
		String[] parts = clusterId.split(":");
		return (parts.length < 3) ? "us" : parts[0] + ":" + parts[1] + ":" + parts[2];
	}

	/**
	 * Refuses a catalog URL the bot token must not go to, before any request.
	 * @throws TrustedHosts.UntrustedHostException when it is not on a trusted domain
	 */
	void checkCatalog() {
		this.hosts.require(this.properties.u2cUrl().toString(), "The U2C catalog (bot.websocket.u2c-url)");
	}

	private String discover() {
		checkCatalog();
		URI catalog = UriComponentsBuilder.fromUri(this.properties.u2cUrl())
			.path("/u2c/api/v1/catalog")
			.queryParam("format", "hostmap")
			.build()
			.toUri();
		JsonNode hostmap = get(catalog);
		String wdm = hostmap.path("serviceLinks").path("wdm").asString(null);
		if (wdm == null || wdm.isBlank()) {
			throw new IllegalStateException("The U2C catalog names no device service (serviceLinks.wdm)");
		}
		this.hosts.require(wdm, "The device service the U2C catalog names");
		Map<String, String> clusters = new HashMap<>();
		hostmap.path("hostCatalog").forEach((entries) -> entries.forEach((entry) -> {
			String host = entry.path("host").asString(null);
			String id = entry.path("id").asString(null);
			if (host != null && id != null) {
				clusters.putIfAbsent(host.toLowerCase(Locale.ROOT), id);
			}
		}));
		this.clustersByHost = Map.copyOf(clusters);
		return wdm.endsWith("/") ? wdm.substring(0, wdm.length() - 1) : wdm;
	}

	private Device create(String wdm) {
		String name = this.properties.deviceName();
		Map<String, String> body = Map.of("deviceName", name, "deviceType", "DESKTOP", "localizedModel", "java",
				"model", "java", "name", name, "systemName", name, "systemVersion", "1.0");
		JsonNode created = this.rest.post()
			.uri(URI.create(wdm + "/devices"))
			.headers(this::authorize)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(JsonNode.class);
		Device device = Device.of(created);
		if (device.webSocketUrl() == null) {
			throw new IllegalStateException("The device service answered without a webSocketUrl");
		}
		logger.info("Registered a websocket device as {}", name);
		return trusted(device);
	}

	private void remove(Device device) {
		if (device.url() == null) {
			return;
		}
		try {
			this.hosts.require(device.url(), "A stale device's URL");
		}
		catch (TrustedHosts.UntrustedHostException ex) {
			logger.warn("Not removing a stale websocket device: {}", ex.getMessage());
			return;
		}
		try {
			this.rest.delete().uri(URI.create(device.url())).headers(this::authorize).retrieve().toBodilessEntity();
			logger.info("Removed a stale websocket device");
		}
		catch (RestClientException ex) {
			// A device we cannot remove expires on its own; it must not keep the bot
			// offline.
			logger.info("Could not remove a stale websocket device: {}", ex.getClass().getSimpleName());
		}
	}

	private JsonNode get(URI uri) {
		JsonNode node = this.rest.get().uri(uri).headers(this::authorize).retrieve().body(JsonNode.class);
		if (node == null) {
			throw new IllegalStateException("Empty answer from " + uri.getHost());
		}
		return node;
	}

	private Device trusted(Device device) {
		this.hosts.require(device.webSocketUrl(), "The websocket the device service names");
		return device;
	}

	private void authorize(HttpHeaders headers) {
		headers.setBearerAuth(this.botToken);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
	}

	/**
	 * A registered device.
	 *
	 * @param url the device's own URL (for removal)
	 * @param webSocketUrl where its websocket lives
	 */
	record Device(String url, String webSocketUrl) {

		static Device of(JsonNode node) {
			return new Device(node.path("url").asString(null), node.path("webSocketUrl").asString(null));
		}

	}

}
