package io.github.recordingbot.webex;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.github.recordingbot.webex.WebexModels.Items;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilder;

/**
 * The plumbing both Webex clients share: one {@link RestClient} per identity on the
 * shared {@link WebexHttp} setup, its authorization interceptor outermost (so that a
 * retry after a refresh passes the bulkhead and the retries again), pagination and the
 * mapping of failures to {@link WebexException}.
 */
final class WebexRest {

	private static final Logger logger = LoggerFactory.getLogger(WebexRest.class);

	private final WebexProperties properties;

	private final RestClient rest;

	/**
	 * @param interceptors the client's own, outermost first, after its authorization;
	 * {@link ProxyFailures} comes innermost from {@code http}
	 */
	WebexRest(WebexProperties properties, RestClient.Builder builder, WebexHttp http,
			List<ClientHttpRequestInterceptor> interceptors, ClientHttpRequestInterceptor authorization) {
		this.properties = properties;
		this.rest = http
			.configure(builder.clone().baseUrl(properties.apiBaseUrl().toString()).requestInterceptors((list) -> {
				list.add(authorization);
				list.addAll(interceptors);
			}).defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE))
			.build();
	}

	RestClient rest() {
		return this.rest;
	}

	/** A builder for an absolute URI under the API base URL. */
	UriBuilder uri(String path) {
		return new DefaultUriBuilderFactory(this.properties.apiBaseUrl().toString()).builder().path(path);
	}

	/** Every page of a list, up to {@code webex.max-pages}. */
	<T> List<T> getAll(URI first, ParameterizedTypeReference<Items<T>> type) {
		List<T> all = new ArrayList<>();
		URI next = first;
		for (int page = 0; next != null && page < this.properties.maxPages(); page++) {
			ResponseEntity<Items<T>> response = this.rest.get().uri(next).retrieve().toEntity(type);
			all.addAll(items(response.getBody()));
			next = LinkHeader.next(response.getHeaders().get(HttpHeaders.LINK), this.properties.apiBaseUrl(), first);
		}
		if (next != null) {
			logger.warn("Stopped after {} pages of {}; the rest is left out", this.properties.maxPages(),
					first.getPath());
		}
		return all;
	}

	static <T> List<T> items(Items<T> items) {
		return (items != null && items.items() != null) ? items.items() : List.of();
	}

	/** Runs one call and turns any failure into a {@link WebexException}. */
	<T> T call(String endpoint, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (WebexException ex) {
			throw ex;
		}
		catch (RestClientResponseException ex) {
			HttpHeaders headers = ex.getResponseHeaders();
			String trackingId = (headers != null) ? headers.getFirst("trackingId") : null;
			Duration retryAfter = (headers != null)
					? RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER), Instant.now()) : null;
			logger.info("Webex {} answered {} (trackingId {})", endpoint, ex.getStatusCode().value(), trackingId);
			throw new WebexException("Webex " + endpoint + " answered " + ex.getStatusCode().value(),
					ex.getStatusCode().value(), trackingId, retryAfter, ex);
		}
		catch (RestClientException ex) {
			logger.info("Webex {} gave no usable answer: {}", endpoint, ex.getClass().getSimpleName());
			throw new WebexException("Webex " + endpoint + " gave no usable answer", 0, null, null, ex);
		}
	}

	void run(String endpoint, Runnable call) {
		call(endpoint, () -> {
			call.run();
			return null;
		});
	}

}
