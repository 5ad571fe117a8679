package io.github.recordingbot.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.recordingbot.sim.SampleOrg.Person;
import org.jspecify.annotations.Nullable;

/**
 * The simulated Webex OAuth state: authorization codes waiting to be exchanged, and the
 * officer access and refresh tokens the token endpoint issued.
 */
final class SimTokens {

	private final SecureRandom random = new SecureRandom();

	private final SimProperties properties;

	private final Map<String, Grant> codes = new ConcurrentHashMap<>();

	private final Map<String, Person> accessTokens = new ConcurrentHashMap<>();

	private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();

	SimTokens(SimProperties properties) {
		this.properties = properties;
	}

	String newCode(Grant grant) {
		String code = token();
		this.codes.put(code, grant);
		return code;
	}

	/** Takes a code out: a code works once. */
	Optional<Grant> redeem(String code) {
		return Optional.ofNullable((code != null) ? this.codes.remove(code) : null);
	}

	Optional<Grant> refresh(String refreshToken) {
		return Optional.ofNullable((refreshToken != null) ? this.refreshTokens.get(refreshToken) : null);
	}

	String issueAccessToken(Person officer) {
		String token = token();
		this.accessTokens.put(token, officer);
		return token;
	}

	String issueRefreshToken(Grant grant) {
		String token = token();
		this.refreshTokens.put(token, grant);
		return token;
	}

	boolean isBot(String authorization) {
		return ("Bearer " + this.properties.botToken()).equals(authorization);
	}

	/**
	 * The officer a bearer token belongs to: the configured demo token or an issued one.
	 */
	Optional<Person> officer(String authorization, Person defaultOfficer) {
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			return Optional.empty();
		}
		String token = authorization.substring(7);
		if (token.equals(this.properties.officerToken())) {
			return Optional.of(defaultOfficer);
		}
		return Optional.ofNullable(this.accessTokens.get(token));
	}

	private String token() {
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String s256(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What an officer granted.
	 *
	 * @param clientId the integration
	 * @param redirectUri where the code went
	 * @param scope the granted scopes, space separated
	 * @param codeChallenge the PKCE challenge, or {@code null}
	 * @param codeChallengeMethod {@code S256} or {@code plain}
	 * @param officer who granted
	 */
	record Grant(String clientId, String redirectUri, String scope, @Nullable String codeChallenge,
			@Nullable String codeChallengeMethod, Person officer) {

		Set<String> scopes() {
			return Set.of(this.scope.split(" "));
		}

	}

}
