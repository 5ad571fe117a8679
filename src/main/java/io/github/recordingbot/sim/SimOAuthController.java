package io.github.recordingbot.sim;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.github.recordingbot.sim.SampleOrg.Person;
import io.github.recordingbot.sim.SimTokens.Grant;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The simulated Webex OAuth endpoints: a consent page at {@code /sim/v1/authorize} that
 * sends the officer back with a code, and the token endpoint at
 * {@code /sim/v1/access_token} for the code and refresh grants, with PKCE when the client
 * uses it. The officer is granted the requested scopes its role may hold
 * ({@code sim.officer-role}); the token answer names them. The only {@code redirect_uri}
 * it accepts is the demo bot's own ({@code sim.redirect-uri}): the demo is open without
 * login, and sending the browser anywhere else would make it an open redirect.
 */
@RestController
@Profile("demo")
class SimOAuthController {

	private final SimState state;

	private final SimTokens tokens;

	private final SimCalls calls;

	private final OfficerRole role;

	private final URI redirectUri;

	SimOAuthController(SimState state, SimTokens tokens, SimCalls calls, SimProperties properties) {
		this.state = state;
		this.tokens = tokens;
		this.calls = calls;
		this.role = properties.officerRole();
		this.redirectUri = properties.redirectUri().normalize();
	}

	@GetMapping(path = "/sim/v1/authorize", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> consentPage(@RequestParam MultiValueMap<String, String> params) {
		String clientId = params.getFirst("client_id");
		String redirectUri = params.getFirst("redirect_uri");
		if (clientId == null || redirectUri == null || !"code".equals(params.getFirst("response_type"))) {
			return ResponseEntity.badRequest()
				.contentType(MediaType.TEXT_HTML)
				.body("<p>client_id, redirect_uri and response_type=code are required.</p>");
		}
		if (!isOwnRedirectUri(redirectUri)) {
			return foreignRedirectUri();
		}
		StringBuilder hidden = new StringBuilder();
		params.forEach((name,
				values) -> values.forEach((value) -> hidden.append("<input type=\"hidden\" name=\"")
					.append(HtmlUtils.htmlEscape(name))
					.append("\" value=\"")
					.append(HtmlUtils.htmlEscape(value))
					.append("\">")));
		StringBuilder officers = new StringBuilder();
		for (Person person : this.state.org().people) {
			officers.append("<option value=\"")
				.append(HtmlUtils.htmlEscape(person.email()))
				.append(person.email().startsWith("olivia@") ? "\" selected>" : "\">")
				.append(HtmlUtils.htmlEscape(person.displayName() + " <" + person.email() + ">"))
				.append("</option>");
		}
		String scope = requested(params);
		String page = """
				<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Webex (simulated): authorize</title>
				<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}
				code{background:#eee;padding:0 .2rem}button{padding:.5rem 1rem;margin-right:.5rem}</style></head><body>
				<h1>Webex (simulated)</h1>
				<p>The integration <code>%s</code> asks for these scopes:</p><p><code>%s</code></p>
				<p>Signed-in officers have the role <code>%s</code> and are granted:</p><p><code id="granted">%s</code></p>
				<form method="post" action="authorize">%s
				<p><label>Sign in as <select name="officer" id="officer">%s</select></label></p>
				<button type="submit" name="decision" value="accept" id="accept">Accept</button>
				<button type="submit" name="decision" value="decline" id="decline">Decline</button>
				</form></body></html>
				"""
			.formatted(HtmlUtils.htmlEscape(clientId), HtmlUtils.htmlEscape(scope),
					this.role.name().toLowerCase(Locale.ROOT), HtmlUtils.htmlEscape(this.role.grant(scope)), hidden,
					officers);
		return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page);
	}

	@PostMapping("/sim/v1/authorize")
	ResponseEntity<String> decide(@RequestParam MultiValueMap<String, String> params) {
		String redirectUri = params.getFirst("redirect_uri");
		if (redirectUri == null) {
			return ResponseEntity.badRequest().build();
		}
		if (!isOwnRedirectUri(redirectUri)) {
			return foreignRedirectUri();
		}
		UriComponentsBuilder back = UriComponentsBuilder.fromUriString(redirectUri);
		Optional<Person> officer = this.state.org().personByEmail(String.valueOf(params.getFirst("officer")));
		if (!"accept".equals(params.getFirst("decision")) || officer.isEmpty()) {
			back.queryParam("error", "access_denied").queryParam("error_description", "The user declined.");
		}
		else if (!requested(params).isBlank() && this.role.grant(requested(params)).isEmpty()) {
			// none of the requested scopes is one this role may hold
			back.queryParam("error", "invalid_scope")
				.queryParam("error_description", "None of the requested scopes can be granted.");
		}
		else {
			String scope = this.role.grant(requested(params));
			String code = this.tokens.newCode(new Grant(params.getFirst("client_id"), redirectUri, scope,
					params.getFirst("code_challenge"), params.getFirst("code_challenge_method"), officer.get()));
			back.queryParam("code", code);
		}
		if (params.getFirst("state") != null) {
			back.queryParam("state", params.getFirst("state"));
		}
		return ResponseEntity.status(HttpStatus.FOUND).location(back.encode().build().toUri()).build();
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

	private boolean isOwnRedirectUri(String redirectUri) {
		try {
			return URI.create(redirectUri.trim()).normalize().equals(this.redirectUri);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private ResponseEntity<String> foreignRedirectUri() {
		return ResponseEntity.badRequest()
			.contentType(MediaType.TEXT_HTML)
			.body("<p>This simulator sends the browser back only to the demo bot's redirect URI, "
					+ HtmlUtils.htmlEscape(this.redirectUri.toString()) + ".</p>");
	}

	private static String requested(MultiValueMap<String, String> params) {
		return (params.getFirst("scope") != null) ? params.getFirst("scope") : "";
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
