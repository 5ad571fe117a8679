package io.github.recordingbot.webex;

import java.io.IOException;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.stereotype.Component;

/**
 * Times every Webex call ({@code webex.calls}, by endpoint, method and status) and
 * remembers the outcome for the health indicator. It sits closest to the wire, inside any
 * retry interceptor, so that each attempt counts.
 */
@Component
class WebexCallMetrics implements ClientHttpRequestInterceptor {

	private static final Set<String> WORDS = Set.of("people", "me", "messages", "attachment", "actions", "rooms",
			"webhooks", "meetings", "recordings", "meetingPreferences", "personalMeetingRoom", "admin", "memberships",
			"access_token", "authorize", "userinfo", "sites");

	private final MeterRegistry registry;

	private final WebexReachability reachability;

	private final String basePath;

	WebexCallMetrics(MeterRegistry registry, WebexReachability reachability, WebexProperties properties) {
		this.registry = registry;
		this.reachability = reachability;
		String path = properties.apiBaseUrl().getPath();
		this.basePath = (path != null) ? path : "";
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		Timer.Sample sample = Timer.start(this.registry);
		String endpoint = endpoint(this.basePath, request.getURI().getPath());
		String status = "IO_ERROR";
		try {
			ClientHttpResponse response = execution.execute(request, body);
			int code = response.getStatusCode().value();
			status = String.valueOf(code);
			this.reachability.answered(code);
			return response;
		}
		catch (IOException | RuntimeException ex) {
			this.reachability.noAnswer(ex.getClass().getSimpleName());
			throw ex;
		}
		finally {
			sample.stop(Timer.builder("webex.calls")
				.description("Calls to the Webex REST API")
				.tag("endpoint", endpoint)
				.tag("method", request.getMethod().name())
				.tag("status", status)
				.register(this.registry));
		}
	}

	/**
	 * The path as a template, e.g. {@code /recordings/{id}}: ids would make a metric per
	 * recording.
	 */
	static String endpoint(String basePath, String path) {
		String rest = (path == null) ? "" : (path.startsWith(basePath) ? path.substring(basePath.length()) : path);
		StringBuilder template = new StringBuilder();
		for (String segment : rest.split("/")) {
			if (!segment.isEmpty()) {
				template.append('/').append(WORDS.contains(segment) ? segment : "{id}");
			}
		}
		return (template.length() == 0) ? "/" : template.toString();
	}

}
