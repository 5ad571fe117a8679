package io.github.recordingbot.sim;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.github.recordingbot.sim.SimTokens.Grant;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulated Webex token endpoint at {@code /sim/v1/access_token}, for the code
 * ({@link SimConsentController} hands them out) and refresh grants, with PKCE when the
 * client uses it; the token answer names the granted scopes.
 */
@RestController
@Profile("demo")
class SimOAuthController {

	private final SimTokens tokens;

	private final SimCalls calls;

	SimOAuthController(SimTokens tokens, SimCalls calls) {
		this.tokens = tokens;
		this.calls = calls;
	}

	@PostMapping(path = "/sim/v1/access_token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<Map<String, Object>> token(@RequestParam MultiValueMap<String, String> form,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		this.calls.record("POST /access_token");
		String clientId = form.getFirst("client_id");
		if (clientId == null && authorization != null && authorization.startsWith("Basic ")) {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
			clientId = decoded.split(":", 2)[0];
		}
		if (clientId == null) {
			return oauthError(HttpStatus.UNAUTHORIZED, "invalid_client", "Client authentication failed.");
		}
		String grantType = String.valueOf(form.getFirst("grant_type"));
		Optional<Grant> grant;
		if ("authorization_code".equals(grantType)) {
			grant = this.tokens.redeem(form.getFirst("code"));
			if (grant.isEmpty() || !grant.get().redirectUri().equals(form.getFirst("redirect_uri"))
					|| !verifierMatches(grant.get(), form.getFirst("code_verifier"))) {
				return oauthError(HttpStatus.BAD_REQUEST, "invalid_grant", "The authorization code is invalid.");
			}
		}
		else if ("refresh_token".equals(grantType)) {
			grant = this.tokens.refresh(form.getFirst("refresh_token"));
			if (grant.isEmpty()) {
				return oauthError(HttpStatus.BAD_REQUEST, "invalid_grant", "The refresh token is invalid.");
			}
		}
		else {
			return oauthError(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "The grant type is not supported.");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", this.tokens.issueAccessToken(grant.get().officer()));
		body.put("expires_in", 1209599);
		body.put("refresh_token", ("refresh_token".equals(grantType)) ? form.getFirst("refresh_token")
				: this.tokens.issueRefreshToken(grant.get()));
		body.put("refresh_token_expires_in", 7775999);
		body.put("token_type", "Bearer");
		body.put("scope", grant.get().scope());
		return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
	}

	private static boolean verifierMatches(Grant grant, String verifier) {
		if (grant.codeChallenge() == null) {
			return true;
		}
		if (verifier == null) {
			return false;
		}
		String expected = "plain".equals(grant.codeChallengeMethod()) ? verifier : SimTokens.s256(verifier);
		return expected.equals(grant.codeChallenge());
	}

	private static ResponseEntity<Map<String, Object>> oauthError(HttpStatus status, String error, String description) {
		return ResponseEntity.status(status)
			.body(Map.of("error", error, "error_description", description, "trackingID", "SIM_" + UUID.randomUUID()));
	}

}
