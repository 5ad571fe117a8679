package io.github.recordingbot.sim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a chat event into a webhook delivery exactly as Webex sends it: the envelope
 * JSON, signed with HMAC-SHA1 over the raw bytes in {@code X-Spark-Signature}, posted to
 * every active webhook the bot registered for the resource, or to the configured target
 * when it registered none. The configured target is the bot's own {@code /webhook}, and
 * the only one it ever posts to: a webhook registered for anything else gets nothing (the
 * demo is open without login, so a foreign target would make it post to any address).
 */
final class WebhookDeliverer {

	private static final Logger logger = LoggerFactory.getLogger(WebhookDeliverer.class);

	private final SimState state;

	private final SimProperties properties;

	private final Executor executor;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	WebhookDeliverer(SimState state, SimProperties properties, Executor executor) {
		this.state = state;
		this.properties = properties;
		this.executor = executor;
	}

	/** Delivers in the background, as Webex does: the sender never waits for the bot. */
	void deliver(String resource, Map<String, Object> data) {
		this.executor.execute(() -> deliverNow(resource, data));
	}

	private void deliverNow(String resource, Map<String, Object> data) {
		List<Map<String, Object>> targets = this.state.webhooks()
			.stream()
			.filter((w) -> resource.equals(w.get("resource")) && "active".equals(w.get("status")))
			.filter((w) -> isOwnTarget(w.get("targetUrl")))
			.toList();
		if (targets.isEmpty()) {
			post(envelope(null, resource, data), this.properties.webhookTarget(), this.properties.webhookSecret());
			return;
		}
		for (Map<String, Object> webhook : targets) {
			post(envelope(webhook, resource, data), URI.create((String) webhook.get("targetUrl")),
					(String) webhook.get("secret"));
		}
	}

	/** Whether a webhook's target is the bot's own {@code /webhook}. */
	boolean isOwnTarget(Object targetUrl) {
		if (!(targetUrl instanceof String url)) {
			return false;
		}
		try {
			return URI.create(url.trim()).normalize().equals(this.properties.webhookTarget().normalize());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	Map<String, Object> envelope(Map<String, Object> webhook, String resource, Map<String, Object> data) {
		SampleOrg org = this.state.org();
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("id", (webhook != null) ? webhook.get("id") : SampleOrg.id("WEBHOOK", SampleOrg.uuid(resource)));
		envelope.put("name", (webhook != null) ? webhook.get("name") : "Demo " + resource);
		envelope.put("targetUrl",
				(webhook != null) ? webhook.get("targetUrl") : this.properties.webhookTarget().toString());
		envelope.put("resource", resource);
		envelope.put("event", "created");
		envelope.put("orgId", SimJson.ORG_ID);
		envelope.put("createdBy", org.bot.id());
		envelope.put("appId", SampleOrg.id("APPLICATION", SampleOrg.uuid("app")));
		envelope.put("ownedBy", "creator");
		envelope.put("status", "active");
		envelope.put("created", (webhook != null) ? webhook.get("created") : "2024-01-15T09:00:00.000Z");
		envelope.put("actorId", data.get("personId"));
		envelope.put("data", data);
		return envelope;
	}

	private void post(Map<String, Object> envelope, URI target, String secret) {
		byte[] body = this.json.writeValueAsBytes(envelope);
		HttpRequest.Builder request = HttpRequest.newBuilder(target)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (secret != null && !secret.isBlank()) {
			request.header("X-Spark-Signature", sign(secret, body));
		}
		try {
			HttpResponse<Void> response = this.http.send(request.build(), HttpResponse.BodyHandlers.discarding());
			logger.debug("Delivered {} webhook to {}: {}", envelope.get("resource"), target, response.statusCode());
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			logger.warn("Simulated webhook delivery to {} failed: {}", target, ex.getClass().getSimpleName());
		}
	}

	static String sign(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (Exception ex) {
			throw new IllegalStateException("HmacSHA1 is not available", ex);
		}
	}

}
