package io.github.recordingbot.officer;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.github.recordingbot.access.AccessRules;
import io.github.recordingbot.webex.WebexClient;
import io.github.recordingbot.webex.WebexException;
import io.github.recordingbot.webex.WebexModels.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a freshly exchanged authorization before it replaces the stored one: the granted
 * scopes let the bot find meetings and recordings (as a Compliance Officer or as an
 * administrator; a missing personal-room scope only narrows what the bot can check), the
 * officer's identity readable with the new token, and, when {@code compliance_officers}
 * is configured, the officer listed there.
 */
@Component
class NewAuthorization {

	private static final Logger logger = LoggerFactory.getLogger(NewAuthorization.class);

	private final WebexClient webex;

	private final AccessRules rules;

	private final OAuth2AuthorizedClientService clients;

	private final AuthorizationRecords records;

	private final OfficerTokenSource tokens;

	private final TransactionTemplate transactions;

	private final Clock clock;

	NewAuthorization(WebexClient webex, AccessRules rules, OAuth2AuthorizedClientService clients,
			AuthorizationRecords records, OfficerTokenSource tokens, TransactionTemplate officerTransactions,
			Clock clock) {
		this.webex = webex;
		this.rules = rules;
		this.clients = clients;
		this.records = records;
		this.tokens = tokens;
		this.transactions = officerTransactions;
		this.clock = clock;
	}

	Result accept(ClientRegistration registration, OAuth2AccessTokenResponse response) {
		OAuth2AccessToken token = response.getAccessToken();
		// RFC 6749 §5.1: no scope in the answer means exactly the requested ones were
		// granted
		Set<String> granted = token.getScopes().isEmpty() ? registration.getScopes() : token.getScopes();
		if (!OfficerScopes.canDoMainJob(granted)) {
			logger.warn("Rejected a new officer authorization: granted scopes {} cannot find meetings and recordings",
					granted);
			return Result.rejected("Webex granted only " + String.join(" ", new TreeSet<>(granted)) + ". The bot needs "
					+ OfficerScopes.COMPLIANCE_MEETINGS + " (a Compliance Officer), or both "
					+ OfficerScopes.ADMIN_SCHEDULE + " and " + OfficerScopes.ADMIN_RECORDINGS
					+ " (a full administrator who is also site administrator). Request them in officer.scopes, "
					+ "enable them on the integration, then authorize again with an account that has the role.");
		}
		Person officer;
		try {
			// the one explicit token: the officer client's interceptor knows only the
			// stored authorization, and this one is not stored yet
			officer = this.webex.me(token.getTokenValue());
		}
		catch (WebexException ex) {
			logger.warn("Rejected a new officer authorization: GET /people/me answered {}", ex.status());
			return Result.rejected("The bot could not check who authorized (Webex answered status " + ex.status()
					+ "). Try again in a minute.");
		}
		List<String> listed = this.rules.current().complianceOfficers();
		if (!listed.isEmpty() && !isListed(officer, listed)) {
			logger.warn("Rejected a new officer authorization by person {}: not in compliance_officers", officer.id());
			return Result.rejected(officer.primaryEmail() + " is not listed in compliance_officers in config.json. "
					+ "Sign in to Webex as a listed Compliance Officer and authorize again.");
		}
		Instant now = this.clock.instant();
		Instant refreshExpiresAt = RefreshOutcomes.refreshTokenExpiresAt(response, now);
		OAuth2AccessToken stored = RefreshOutcomes.onClock(token, now, granted);
		OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(registration, OfficerTokenSource.PRINCIPAL, stored,
				response.getRefreshToken());
		// one transaction: a crash leaves the old authorization or the new one, never a
		// mix or none
		this.tokens.exclusively(() -> this.transactions.executeWithoutResult((status) -> {
			this.clients.saveAuthorizedClient(client,
					UsernamePasswordAuthenticationToken.unauthenticated(OfficerTokenSource.PRINCIPAL, ""));
			this.records.authorized(officer.id(), officer.primaryEmail(), officer.displayName(), now, refreshExpiresAt);
			this.tokens.replaced(client);
		}));
		logger.info("Stored a new Compliance Officer authorization by person {}", officer.id());
		return Result.accepted(officer.displayName(), officer.primaryEmail(), stored.getExpiresAt(), refreshExpiresAt,
				granted);
	}

	private static boolean isListed(Person officer, List<String> listed) {
		Set<String> allowed = new LinkedHashSet<>();
		listed.forEach((e) -> allowed.add(asciiLower(e)));
		return officer.emails() != null
				&& officer.emails().stream().anyMatch((e) -> e != null && allowed.contains(asciiLower(e)));
	}

	// only A-Z fold: Unicode case folding would let look-alikes (Kelvin sign) match
	private static String asciiLower(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.chars().forEach((c) -> out.append((char) ((c >= 'A' && c <= 'Z') ? c + 32 : c)));
		return out.toString();
	}

	/**
	 * How the check went.
	 *
	 * @param accepted whether the authorization was stored
	 * @param problem why not, in plain words
	 * @param name who authorized
	 * @param email their e-mail
	 * @param accessTokenExpiresAt when the access token expires
	 * @param refreshTokenExpiresAt when the refresh token expires, if Webex said
	 * @param scopes the granted scopes, stored with the token
	 */
	record Result(boolean accepted, String problem, String name, String email, Instant accessTokenExpiresAt,
			Instant refreshTokenExpiresAt, Set<String> scopes) {

		static Result rejected(String problem) {
			return new Result(false, problem, null, null, null, null, Set.of());
		}

		static Result accepted(String name, String email, Instant accessTokenExpiresAt, Instant refreshTokenExpiresAt,
				Set<String> scopes) {
			return new Result(true, null, name, email, accessTokenExpiresAt, refreshTokenExpiresAt, Set.copyOf(scopes));
		}

	}

}
