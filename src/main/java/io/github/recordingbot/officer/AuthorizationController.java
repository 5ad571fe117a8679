package io.github.recordingbot.officer;

import java.time.Instant;

import io.github.recordingbot.texts.BotTexts;
import io.github.recordingbot.BotProperties;
import io.github.recordingbot.officer.NewAuthorization.Result;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The Compliance Officer's browser flow: {@code GET /webex/authorize} (operator login)
 * sends the browser to Webex with a one-time {@code state} and a PKCE challenge, both
 * kept in the HTTP session; {@code GET /webex/redirect} takes the answer, and only a
 * request carrying that session's {@code state} reaches the token endpoint.
 */
@Controller
class AuthorizationController {

	private static final Logger logger = LoggerFactory.getLogger(AuthorizationController.class);

	private final ClientRegistrationRepository registrations;

	private final DefaultOAuth2AuthorizationRequestResolver resolver;

	private final HttpSessionOAuth2AuthorizationRequestRepository pending = new HttpSessionOAuth2AuthorizationRequestRepository();

	private final RestClientAuthorizationCodeTokenResponseClient codeExchange;

	private final NewAuthorization newAuthorization;

	private final OfficerProperties officer;

	private final OfficerCapabilities capabilities;

	private final boolean publicBaseUrlSet;

	AuthorizationController(ClientRegistrationRepository registrations,
			RestClientAuthorizationCodeTokenResponseClient codeExchange, NewAuthorization newAuthorization,
			OfficerProperties officer, OfficerCapabilities capabilities, BotProperties bot) {
		this.publicBaseUrlSet = bot.hasPublicBaseUrl();
		this.registrations = registrations;
		this.resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/webex/authorize");
		this.codeExchange = codeExchange;
		this.newAuthorization = newAuthorization;
		this.officer = officer;
		this.capabilities = capabilities;
	}

	@GetMapping("/webex/authorize")
	ModelAndView authorize(HttpServletRequest request, HttpServletResponse response) {
		if (this.registrations.findByRegistrationId(OfficerTokenSource.REGISTRATION) == null) {
			return page(response, HttpStatus.SERVICE_UNAVAILABLE, "Authorization is not set up",
					"Set " + missingSettings() + ", restart the bot, and open this page again. The client id and "
							+ "secret come from the integration at https://developer.webex.com/my-apps; its redirect "
							+ "URI must be <PUBLIC_BASE_URL>/webex/redirect.");
		}
		OAuth2AuthorizationRequest authorization = this.resolver.resolve(request, OfficerTokenSource.REGISTRATION);
		this.pending.saveAuthorizationRequest(authorization, request, response);
		RedirectView toWebex = new RedirectView(authorization.getAuthorizationRequestUri());
		toWebex.setExpandUriTemplateVariables(false);
		toWebex.setStatusCode(HttpStatus.FOUND);
		return new ModelAndView(toWebex);
	}

	@GetMapping("/webex/redirect")
	ModelAndView redirect(HttpServletRequest request, HttpServletResponse response,
			@RequestParam(required = false) String code, @RequestParam(required = false) String error) {
		// one-time: removed whatever happens next, so a replayed answer finds nothing
		OAuth2AuthorizationRequest authorization = this.pending.removeAuthorizationRequest(request, response);
		if (error != null) {
			// anyone can send a browser here with any text: only a known error code is
			// shown, never error_description, so the bot's pages carry no one else's
			// words
			AuthorizationPage.OAuthError known = AuthorizationPage.OAuthError.of(error);
			logger.info("The officer's browser came back with an OAuth error ({})", known.code());
			return page(response, HttpStatus.BAD_REQUEST, "Webex did not authorize the bot", known.text()
					+ " The authorization stored before, if any, is unchanged. " + "Try again at /webex/authorize.");
		}
		if (authorization == null || code == null) {
			return page(response, HttpStatus.BAD_REQUEST, "This answer from Webex cannot be used",
					"It does not belong to an authorization started in this browser, or it was used already. "
							+ "Start again at /webex/authorize.");
		}
		ClientRegistration registration = this.registrations.findByRegistrationId(OfficerTokenSource.REGISTRATION);
		OAuth2AccessTokenResponse tokens;
		try {
			OAuth2AuthorizationResponse answer = OAuth2AuthorizationResponse.success(code)
				.redirectUri(authorization.getRedirectUri())
				.state(authorization.getState())
				.build();
			tokens = this.codeExchange.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(registration,
					new OAuth2AuthorizationExchange(authorization, answer)));
		}
		catch (OAuth2AuthorizationException ex) {
			logger.warn("Exchanging the officer's authorization code failed ({})", ex.getError().getErrorCode());
			return page(response, HttpStatus.BAD_GATEWAY, "Webex did not complete the authorization",
					"The token exchange failed. The authorization stored before, if any, is unchanged. "
							+ "Try again at /webex/authorize.");
		}
		Result result = this.newAuthorization.accept(registration, tokens);
		if (!result.accepted()) {
			return page(response, HttpStatus.FORBIDDEN, "Authorization not stored",
					result.problem() + " The authorization stored before, if any, is unchanged.");
		}
		// what the new authorization can do, asked of Webex now: the officer is still
		// here
		// to fix it
		OfficerCapabilities.Report report = this.capabilities.check();
		return page(response, HttpStatus.OK, "The bot is authorized",
				"Authorized by " + result.name() + " (" + result.email() + "). The access token is valid until "
						+ utc(result.accessTokenExpiresAt()) + " and is refreshed automatically"
						+ until(result.refreshTokenExpiresAt()) + ". The status page at / shows the same check.",
				AuthorizationPage.whatItAllows(result.scopes(), report));
	}

	private String missingSettings() {
		java.util.List<String> missing = new java.util.ArrayList<>();
		if (this.officer.clientId() == null) {
			missing.add("WEBEX_INTEGRATION_CLIENT_ID");
		}
		if (this.officer.clientSecret() == null) {
			missing.add("WEBEX_INTEGRATION_CLIENT_SECRET");
		}
		if (!this.publicBaseUrlSet) {
			missing.add("PUBLIC_BASE_URL");
		}
		return String.join(", ", missing);
	}

	private static String until(Instant refreshTokenExpiresAt) {
		return (refreshTokenExpiresAt != null) ? " (the refresh token lasts until " + utc(refreshTokenExpiresAt) + ")"
				: "";
	}

	private static String utc(Instant instant) {
		return (instant != null) ? BotTexts.utc(instant) : "unknown";
	}

	private static ModelAndView page(HttpServletResponse response, HttpStatus status, String title, String text) {
		return page(response, status, title, text, java.util.List.of());
	}

	/**
	 * The answer page; its URL may carry the code Webex sent, so it is neither cached nor
	 * sent on as a Referer.
	 */
	private static ModelAndView page(HttpServletResponse response, HttpStatus status, String title, String text,
			java.util.List<AuthorizationPage.Section> sections) {
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		return new ModelAndView("officer/authorization",
				java.util.Map.of("page", new AuthorizationPage(title, text, sections)), status);
	}

}
