package io.github.recordingbot.officer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;

/**
 * The stored officer authorization kept in memory, so that an officer call neither
 * queries the store nor decrypts the tokens: this process replaces it whenever it stores
 * a new one, and reads the store again after {@code officer.reread-interval}, since
 * replicas on one PostgreSQL refresh for each other.
 */
final class HeldAuthorization {

	private final OAuth2AuthorizedClientService clients;

	private final AuthorizationRecords records;

	private final Duration reread;

	private final Clock clock;

	private final AtomicReference<Held> held = new AtomicReference<>();

	HeldAuthorization(OAuth2AuthorizedClientService clients, AuthorizationRecords records, Duration reread,
			Clock clock) {
		this.clients = clients;
		this.records = records;
		this.reread = reread;
		this.clock = clock;
	}

	/** The held value, read from the store when there is none or it is too old. */
	Held get() {
		Held current = this.held.get();
		if (current != null && this.clock.instant().isBefore(current.heldSince().plus(this.reread))) {
			return current;
		}
		return read();
	}

	/** Reads the store and holds what it found. */
	Held read() {
		Held before = this.held.get();
		OAuth2AuthorizedClient client = this.clients.loadAuthorizedClient(OfficerTokenSource.REGISTRATION,
				OfficerTokenSource.PRINCIPAL);
		boolean reauthorizationNeeded = this.records.find()
			.map(AuthorizationRecords.Details::reauthorizationNeeded)
			.orElse(false);
		Held read = new Held(client, reauthorizationNeeded, this.clock.instant());
		// what this process stored while the store was being read is newer: keep it
		this.held.compareAndSet(before, read);
		return read;
	}

	/** This process stored the client (a new authorization or a refresh). */
	void stored(OAuth2AuthorizedClient client) {
		this.held.set(new Held(client, false, this.clock.instant()));
	}

	/** This process removed the client: Webex refused its refresh token. */
	void removed() {
		this.held.set(new Held(null, true, this.clock.instant()));
	}

	/** The next use reads the store, e.g. after a write that may not have committed. */
	void forget() {
		this.held.set(null);
	}

	/**
	 * What the store held.
	 *
	 * @param client the decrypted authorization, {@code null} if none is stored
	 * @param reauthorizationNeeded whether the officer must authorize again
	 * @param heldSince when it was read or stored
	 */
	record Held(@Nullable OAuth2AuthorizedClient client, boolean reauthorizationNeeded, Instant heldSince) {

		boolean usable() {
			return this.client != null && !this.reauthorizationNeeded;
		}

		String accessToken() {
			return this.client.getAccessToken().getTokenValue();
		}

	}

}
