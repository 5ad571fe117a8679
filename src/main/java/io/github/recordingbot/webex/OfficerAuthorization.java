package io.github.recordingbot.webex;

import java.io.IOException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Puts the Compliance Officer's bearer token on every officer call, and answers a 401 to
 * a GET with one forced refresh and one retry with the new token.
 *
 * <p>
 * This plays the part of Spring Security's {@code OAuth2ClientHttpRequestInterceptor}
 * (whose authorized client comes from an {@code OAuth2AuthorizedClientManager} with a
 * fixed principal, as {@link OfficerTokens} does in {@code officer/}), with two things it
 * lacks: the retry after a refused token, and the fallback to a token given by hand
 * ({@code webex.integration-access-token}), which cannot be refreshed, so its 401 stands.
 * The refresh is single-flight in the token source: of many calls refused at once, one
 * refreshes and the others get its token. A POST is never repeated, since Webex may have
 * acted on it. Outermost of the officer client's interceptors: the retry passes the
 * bulkhead, the waits and the metrics again.
 */
final class OfficerAuthorization implements ClientHttpRequestInterceptor {

	private static final Logger logger = LoggerFactory.getLogger(OfficerAuthorization.class);

	private final OfficerTokens tokens;

	OfficerAuthorization(OfficerTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		String token = this.tokens.accessToken()
			.orElseThrow(() -> new WebexNotAuthorizedException("The Compliance Officer has not authorized the bot"));
		request.getHeaders().setBearerAuth(token);
		ClientHttpResponse response = execution.execute(request, body);
		if (response.getStatusCode().value() != 401 || !HttpMethod.GET.equals(request.getMethod())) {
			return response;
		}
		Optional<String> fresh = this.tokens.refreshRejected(token);
		if (fresh.isEmpty()) {
			logger.info("Webex refused the officer token on GET {} and it cannot be refreshed",
					request.getURI().getPath());
			return response;
		}
		logger.info("Webex refused the officer token on GET {}; retrying once with a refreshed one",
				request.getURI().getPath());
		response.close();
		request.getHeaders().setBearerAuth(fresh.get());
		return execution.execute(request, body);
	}

}
