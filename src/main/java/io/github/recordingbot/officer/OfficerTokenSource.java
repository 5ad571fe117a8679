package io.github.recordingbot.officer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.github.recordingbot.webex.OfficerTokens;
import io.github.recordingbot.webex.WebexProperties;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * The officer token recording lookups use: the stored authorization (refreshed when it is
 * about to expire) wins over the pasted {@code WEBEX_INTEGRATION_ACCESS_TOKEN}.
 * Refreshing is single-flight: Spring Security does not serialize refreshes, and two
 * concurrent ones could burn a rotated refresh token (spring-security#11461). Threads of
 * this process queue on a lock; replicas on one PostgreSQL on its {@link RefreshLock}.
 */
class OfficerTokenSource implements OfficerTokens {

	static final String REGISTRATION = "webex";

	/**
	 * Every authorization is saved under this one principal, whoever's browser completed
	 * it.
	 */
	static final String PRINCIPAL = "compliance-officer";

	private static final OAuth2AuthorizeRequest REQUEST = OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
		.principal(PRINCIPAL)
		.build();

	private final ClientRegistrationRepository registrations;

	private final OAuth2AuthorizedClientService clients;

	private final AuthorizationRecords records;

	private final Managers managers;

	private final WebexProperties webex;

	private final Duration clockSkew;

	private final Clock clock;

	private final Set<String> configuredScopes;

	private final ReentrantLock lock = new ReentrantLock();

	private final RefreshLock otherProcesses;

	OfficerTokenSource(ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients,
			AuthorizationRecords records, Managers managers, WebexProperties webex, Duration clockSkew, Clock clock,
			Set<String> configuredScopes, RefreshLock otherProcesses) {
		this.otherProcesses = otherProcesses;
		this.configuredScopes = Set.copyOf(configuredScopes);
		this.registrations = registrations;
		this.clients = clients;
		this.records = records;
		this.managers = managers;
		this.webex = webex;
		this.clockSkew = clockSkew;
		this.clock = clock;
	}

	@Override
	public Optional<String> accessToken() {
		Optional<String> stored = storedToken();
		return stored.isPresent() ? stored : Optional.ofNullable(this.webex.integrationAccessToken());
	}

	/**
	 * The scopes Webex granted to the stored authorization; for a token given by hand
	 * ({@code WEBEX_INTEGRATION_ACCESS_TOKEN}), the configured ones, since Webex says
	 * nothing about them.
	 */
	@Override
	public Set<String> grantedScopes() {
		Optional<OAuth2AuthorizedClient> client = current();
		if (client.isPresent()) {
			return client.get().getAccessToken().getScopes();
		}
		return (this.webex.integrationAccessToken() != null) ? this.configuredScopes : Set.of();
	}

	/**
	 * Webex refused a token that had not expired (revoked, or the officer changed
	 * something): one forced refresh. A thread that comes second finds the token already
	 * replaced and gets it.
	 */
	@Override
	public Optional<String> refreshRejected(String rejected) {
		return holdingLocks(() -> {
			// read under both locks: another thread or replica may have replaced it
			Optional<OAuth2AuthorizedClient> client = current();
			if (client.isEmpty() || reauthorizationNeeded()) {
				return Optional.empty();
			}
			String stored = client.get().getAccessToken().getTokenValue();
			if (!stored.equals(rejected)) {
				return Optional.of(stored);
			}
			return authorizeHeld(this.managers.forced()).filter((fresh) -> !fresh.equals(rejected));
		});
	}

	/** The stored authorization, if any, without refreshing it. */
	Optional<OAuth2AuthorizedClient> current() {
		if (this.registrations.findByRegistrationId(REGISTRATION) == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.clients.loadAuthorizedClient(REGISTRATION, PRINCIPAL));
	}

	/**
	 * Refreshes when the access token has less than {@code officer.refresh-before} left.
	 */
	void refreshIfDue() {
		if (current().isEmpty() || reauthorizationNeeded()) {
			return;
		}
		authorize(this.managers.scheduled());
	}

	/**
	 * Runs the work while no refresh runs, in this process or another, e.g. replacing the
	 * stored authorization.
	 */
	void exclusively(Runnable work) {
		holdingLocks(() -> {
			work.run();
			return null;
		});
	}

	// This process's threads first, so that one of them at a time waits for the database.
	private <T> T holdingLocks(Supplier<T> work) {
		this.lock.lock();
		try {
			return this.otherProcesses.holding(work);
		}
		finally {
			this.lock.unlock();
		}
	}

	private Optional<String> storedToken() {
		Optional<OAuth2AuthorizedClient> client = current();
		if (client.isEmpty() || reauthorizationNeeded()) {
			return Optional.empty();
		}
		if (!expiresWithin(client.get(), this.clockSkew)) {
			return Optional.of(client.get().getAccessToken().getTokenValue());
		}
		return authorize(this.managers.onRequest());
	}

	private Optional<String> authorize(OAuth2AuthorizedClientManager manager) {
		return holdingLocks(() -> authorizeHeld(manager));
	}

	private Optional<String> authorizeHeld(OAuth2AuthorizedClientManager manager) {
		try {
			// the manager re-reads the store, so threads and replicas that waited for the
			// locks find the refreshed token
			OAuth2AuthorizedClient client = manager.authorize(REQUEST);
			return Optional.ofNullable(client).map((c) -> c.getAccessToken().getTokenValue());
		}
		catch (ClientAuthorizationException ex) {
			// the failure handler has recorded it; an access token that still works keeps
			// being used
			return current().filter((c) -> !reauthorizationNeeded() && !expiresWithin(c, Duration.ZERO))
				.map((c) -> c.getAccessToken().getTokenValue());
		}
	}

	private boolean reauthorizationNeeded() {
		return this.records.find().map(AuthorizationRecords.Details::reauthorizationNeeded).orElse(false);
	}

	private boolean expiresWithin(OAuth2AuthorizedClient client, Duration margin) {
		Instant expiresAt = client.getAccessToken().getExpiresAt();
		return expiresAt == null || !this.clock.instant().plus(margin).isBefore(expiresAt);
	}

	/**
	 * The two ways a token gets refreshed: by a request (close to expiry) and by the
	 * scheduled job (well before it).
	 *
	 * @param onRequest refreshes within {@code officer.clock-skew} of expiry
	 * @param scheduled refreshes within {@code officer.refresh-before} of expiry
	 * @param forced refreshes whatever the expiry, after Webex refused the token
	 */
	record Managers(OAuth2AuthorizedClientManager onRequest, OAuth2AuthorizedClientManager scheduled,
			OAuth2AuthorizedClientManager forced) {
	}

}
