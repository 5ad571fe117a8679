package io.github.recordingbot.webex;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.stereotype.Component;

/**
 * Remembers the last officer call Webex refused (401 or 403 on {@code /admin/*},
 * {@code /recordings*}, {@code /meetingPreferences*}), for the status page: when, which
 * endpoint, which status, Webex's trackingId; never a token or a query. It sits on the
 * wire as an interceptor of the officer client (see {@link WebexConfiguration}), so every
 * officer call is seen without the client knowing.
 */
@Component
public class OfficerRefusals implements ClientHttpRequestInterceptor {

	private static final List<String> OFFICER_ENDPOINTS = List.of("/admin/", "/recordings", "/meetingPreferences");

	private final Clock clock;

	private final String basePath;

	private final AtomicReference<Refusal> last = new AtomicReference<>();

	OfficerRefusals(Clock clock, WebexProperties properties) {
		this.clock = clock;
		String path = properties.apiBaseUrl().getPath();
		this.basePath = (path != null) ? path : "";
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		ClientHttpResponse response = execution.execute(request, body);
		String endpoint = WebexCallMetrics.endpoint(this.basePath, request.getURI().getPath());
		if (OFFICER_ENDPOINTS.stream().anyMatch(endpoint::startsWith)) {
			int status = response.getStatusCode().value();
			String call = request.getMethod().name() + " " + endpoint;
			if (status == 401 || status == 403) {
				this.last.set(new Refusal(this.clock.instant(), call, status,
						response.getHeaders().getFirst("trackingId"), null));
			}
			else if (response.getStatusCode().is2xxSuccessful()) {
				this.last.updateAndGet((r) -> (r != null && r.workedAgainAt() == null && r.endpoint().equals(call))
						? r.withWorkedAgainAt(this.clock.instant()) : r);
			}
		}
		return response;
	}

	/** The last refused officer call since startup, if any. */
	public Optional<Refusal> last() {
		return Optional.ofNullable(this.last.get());
	}

	/**
	 * One refused officer call.
	 *
	 * @param at when Webex answered
	 * @param endpoint method and path template, e.g. {@code GET /admin/recordings}
	 * @param status 401 (token refused) or 403 (role or scope missing)
	 * @param trackingId Webex's tracking id, for a support case; may be {@code null}
	 * @param workedAgainAt when the same call next succeeded, or {@code null}
	 */
	public record Refusal(Instant at, String endpoint, int status, String trackingId, Instant workedAgainAt) {

		Refusal withWorkedAgainAt(Instant workedAgainAt) {
			return new Refusal(this.at, this.endpoint, this.status, this.trackingId, workedAgainAt);
		}

	}

}
