package io.github.recordingbot.officer;

import java.util.Optional;

import io.github.recordingbot.webex.OfficerTokens;
import io.github.recordingbot.webex.WebexProperties;

import org.springframework.stereotype.Component;

/**
 * The officer token the operator pasted ({@code WEBEX_INTEGRATION_ACCESS_TOKEN}), for trying the
 * bot with a token from the Webex developer portal.
 */
@Component
class PastedOfficerToken implements OfficerTokens {

	private final WebexProperties properties;

	PastedOfficerToken(WebexProperties properties) {
		this.properties = properties;
	}

	@Override
	public Optional<String> accessToken() {
		return Optional.ofNullable(this.properties.integrationAccessToken());
	}

}
