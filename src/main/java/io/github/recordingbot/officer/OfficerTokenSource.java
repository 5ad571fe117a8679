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

	private final HeldAuthorization held;

	private final Managers managers;

	private final WebexProperties webex;

	private final Duration clockSkew;

	private final Clock clock;

	private final Set<String> configuredScopes;

	private final ReentrantLock lock = new ReentrantLock();

	private final RefreshLock otherProcesses;

	OfficerTokenSource(ClientRegistrationRepository registrations, HeldAuthorization held, Managers managers,
			WebexProperties webex, Duration clockSkew, Clock clock, Set<String> configuredScopes,
			RefreshLock otherProcesses) {
		this.otherProcesses = otherProcesses;
		this.configuredScopes = Set.copyOf(configuredScopes);
		this.registrations = registrations;
		this.held = held;
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
			// read the store under both locks: another thread or replica may have
			// replaced it
			Optional<HeldAuthorization.Held> held = held(true);
			if (held.isEmpty() || !held.get().usable()) {
				return Optional.empty();
			}
			String stored = held.get().accessToken();
			if (!stored.equals(rejected)) {
				return Optional.of(stored);
			}
			return authorizeHeld(this.managers.forced()).filter((fresh) -> !fresh.equals(rejected));
		});
	}

	/** The stored authorization, if any, without refreshing it. */
	Optional<OAuth2AuthorizedClient> current() {
		return held(false).map(HeldAuthorization.Held::client);
	}

	/**
	 * This process stored a new authorization; called while holding the locks, after
	 * writing it.
	 */
	void replaced(OAuth2AuthorizedClient client) {
		this.held.stored(client);
	}

	/** The stored authorization changed behind this process's back: read it again. */
	void storeChanged() {
		this.held.forget();
	}

	// from memory unless asked for the store or held too long; empty without a
	// registration, since a stored row cannot be read without one
	private Optional<HeldAuthorization.Held> held(boolean fromStore) {
		if (this.registrations.findByRegistrationId(REGISTRATION) == null) {
			return Optional.empty();
		}
		return Optional.of(fromStore ? this.held.read() : this.held.get());
	}

	/**
	 * Refreshes when the access token has less than {@code officer.refresh-before} left.
	 */
	void refreshIfDue() {
		if (!held(true).map(HeldAuthorization.Held::usable).orElse(false)) {
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
		catch (RuntimeException ex) {
			// what the work stored may have been rolled back
			this.held.forget();
			throw ex;
		}
		finally {
			this.lock.unlock();
		}
	}

	private Optional<String> storedToken() {
		Optional<HeldAuthorization.Held> held = held(false);
		if (held.isEmpty() || !held.get().usable()) {
			return Optional.empty();
		}
		if (!expiresWithin(held.get().client(), this.clockSkew)) {
			return Optional.of(held.get().accessToken());
		}
		// about to expire: another replica may have refreshed it already
		HeldAuthorization.Held stored = this.held.read();
		if (!stored.usable()) {
			return Optional.empty();
		}
		if (!expiresWithin(stored.client(), this.clockSkew)) {
			return Optional.of(stored.accessToken());
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
			// the failure handler has recorded it (and dropped a dead authorization); an
			// access token that still works keeps being used
			return held(false).filter(HeldAuthorization.Held::usable)
				.filter((h) -> !expiresWithin(h.client(), Duration.ZERO))
				.map(HeldAuthorization.Held::accessToken);
		}
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
