package io.github.recordingbot.sim;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.github.recordingbot.sim.SampleOrg.Person;
import io.github.recordingbot.sim.SimTokens.Grant;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The simulated Webex consent page at {@code /sim/v1/authorize}
 * ({@code templates/sim/consent.html}): the officer picks a sample person and accepts or
 * declines, and is sent back with a code or an error. The officer is granted the
 * requested scopes its role may hold ({@code sim.officer-role}). The only
 * {@code redirect_uri} it accepts is the demo bot's own ({@code sim.redirect-uri}): the
 * demo is open without login, and sending the browser anywhere else would make it an open
 * redirect.
 */
@Controller
@Profile("demo")
class SimConsentController {

	/** The sample officer the page offers first. */
	private static final String PRESELECTED = "olivia@";

	private final SimState state;

	private final SimTokens tokens;

	private final OfficerRole role;

	private final URI redirectUri;

	SimConsentController(SimState state, SimTokens tokens, SimProperties properties) {
		this.state = state;
		this.tokens = tokens;
		this.role = properties.officerRole();
		this.redirectUri = properties.redirectUri().normalize();
	}

	@GetMapping("/sim/v1/authorize")
	ModelAndView consentPage(@RequestParam MultiValueMap<String, String> params) {
		String clientId = params.getFirst("client_id");
		String redirectUri = params.getFirst("redirect_uri");
		if (clientId == null || redirectUri == null || !"code".equals(params.getFirst("response_type"))) {
			return refused("client_id, redirect_uri and response_type=code are required.");
		}
		if (!isOwnRedirectUri(redirectUri)) {
			return foreignRedirectUri();
		}
		List<Hidden> hidden = new ArrayList<>();
		params.forEach((name, values) -> values.forEach((value) -> hidden.add(new Hidden(name, value))));
		List<Officer> officers = this.state.org().people.stream()
			.map((person) -> new Officer(person.email(), person.displayName() + " <" + person.email() + ">",
					person.email().startsWith(PRESELECTED)))
			.toList();
		String scope = requested(params);
		ConsentPage page = new ConsentPage(clientId, scope, this.role.name().toLowerCase(Locale.ROOT),
				this.role.grant(scope), hidden, officers);
		return new ModelAndView("sim/consent", Map.of("page", page));
	}

	@PostMapping("/sim/v1/authorize")
	ModelAndView decide(@RequestParam MultiValueMap<String, String> params) {
		String redirectUri = params.getFirst("redirect_uri");
		if (redirectUri == null) {
			return refused("redirect_uri is required.");
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
		RedirectView toBot = new RedirectView(back.encode().build().toUriString());
		toBot.setExpandUriTemplateVariables(false);
		toBot.setStatusCode(HttpStatus.FOUND);
		return new ModelAndView(toBot);
	}

	private boolean isOwnRedirectUri(String redirectUri) {
		try {
			return URI.create(redirectUri.trim()).normalize().equals(this.redirectUri);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private ModelAndView foreignRedirectUri() {
		return refused(
				"This simulator sends the browser back only to the demo bot's redirect URI, " + this.redirectUri + ".");
	}

	private static ModelAndView refused(String message) {
		return new ModelAndView("sim/refused", Map.of("message", message), HttpStatus.BAD_REQUEST);
	}

	private static String requested(MultiValueMap<String, String> params) {
		return (params.getFirst("scope") != null) ? params.getFirst("scope") : "";
	}

	/**
	 * What the consent page shows; the template escapes every value.
	 *
	 * @param clientId the integration asking
	 * @param scope the scopes it asks for, space separated
	 * @param role the simulated officer's role
	 * @param granted the scopes that role is granted, space separated
	 * @param hidden the request's parameters, posted back with the decision
	 * @param officers the sample people to sign in as
	 */
	record ConsentPage(String clientId, String scope, String role, String granted, List<Hidden> hidden,
			List<Officer> officers) {

	}

	/** A request parameter carried through the form. */
	record Hidden(String name, String value) {

	}

	/** A sample person the officer may sign in as. */
	record Officer(String email, String label, boolean selected) {

	}

}
