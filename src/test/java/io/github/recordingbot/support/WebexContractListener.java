package io.github.recordingbot.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.recordingbot.support.WebexContract.Answer;
import io.github.recordingbot.support.WebexContract.Call;

/**
 * Keeps every exchange a {@link WebexFake} serves under the API base path {@code /v1}, so
 * that {@link WebexContractExtension} can check it against the official spec after each
 * test. Recording is all it does on the server's threads: a slow or failing check must
 * not change what the bot under test sees.
 */
public final class WebexContractListener implements ServeEventListener {

	/** Every listener of the JVM: the fakes are static, shared by the test classes. */
	private static final Set<WebexContractListener> LISTENERS = ConcurrentHashMap.newKeySet();

	/**
	 * Under the base path but not in the specs: the OAuth endpoints Spring Security calls
	 * for the Compliance Officer's authorization. The U2C catalog and the device service
	 * ({@code /u2c}, {@code /wdm}) are outside the base path.
	 */
	private static final List<String> OUT_OF_SCOPE = List.of("/v1/authorize", "/v1/access_token");

	private final Queue<ServeEvent> served = new ConcurrentLinkedQueue<>();

	public WebexContractListener() {
		LISTENERS.add(this);
	}

	@Override
	public String getName() {
		return "webex-contract";
	}

	/**
	 * Before the response leaves, not after: the bot (or a test) must not see an answer
	 * whose exchange a check run right after could still miss.
	 */
	@Override
	public void beforeResponseSent(ServeEvent event, Parameters parameters) {
		String path = event.getRequest().getUrl().split("\\?", 2)[0];
		if (path.startsWith("/v1/") && !OUT_OF_SCOPE.contains(path)) {
			this.served.add(event);
		}
	}

	/**
	 * Checks and forgets every exchange served since the last call, on every fake.
	 * @return one entry per exchange the spec does not allow, with its violations
	 */
	static List<String> drainViolations() {
		List<String> violations = new ArrayList<>();
		for (WebexContractListener listener : LISTENERS) {
			violations.addAll(listener.violations());
		}
		return violations;
	}

	/**
	 * Checks and forgets every exchange this listener's server served since the last
	 * call.
	 * @return one entry per exchange the spec does not allow, with its violations
	 */
	List<String> violations() {
		List<String> violations = new ArrayList<>();
		for (ServeEvent event = this.served.poll(); event != null; event = this.served.poll()) {
			List<String> found = check(event);
			if (!found.isEmpty()) {
				violations.add(describe(event) + "\n      - " + String.join("\n      - ", found));
			}
		}
		return violations;
	}

	private static List<String> check(ServeEvent event) {
		LoggedRequest request = event.getRequest();
		Call call = Call.of(request.getMethod().getName(), WebexContract.apiPath(request.getUrl()));
		call = new Call(call.method(), call.path(), call.query(), headers(request.getHeaders()),
				request.getBodyAsString());
		LoggedResponse response = event.getResponse();
		if (response == null || response.getFault() != null) {
			// A broken connection is a fault the test injected: only the request counts.
			return WebexContract.official().violations(call);
		}
		return WebexContract.official()
			.violations(call,
					new Answer(response.getStatus(), headers(response.getHeaders()), response.getBodyAsString()));
	}

	private static Map<String, List<String>> headers(HttpHeaders headers) {
		Map<String, List<String>> all = new LinkedHashMap<>();
		if (headers != null) {
			for (HttpHeader header : headers.all()) {
				all.put(header.key(), header.values());
			}
		}
		return all;
	}

	private static String describe(ServeEvent event) {
		LoggedResponse response = event.getResponse();
		String status = (response == null) ? "no answer"
				: (response.getFault() != null) ? response.getFault().name() : String.valueOf(response.getStatus());
		return event.getRequest().getMethod().getName() + " " + event.getRequest().getUrl() + " -> " + status;
	}

}
