package io.github.recordingbot.officer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.security.oauth2.client.JdbcOAuth2AuthorizedClientService.OAuth2AuthorizedClientHolder;
import org.springframework.security.oauth2.client.JdbcOAuth2AuthorizedClientService.OAuth2AuthorizedClientParametersMapper;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.util.StringUtils;

/**
 * Row mapping for Spring Security's {@code JdbcOAuth2AuthorizedClientService} that stores
 * both token values encrypted instead of as plain UTF-8 bytes.
 */
final class EncryptedClientRows {

	static final String ACCESS = "access_token";

	static final String REFRESH = "refresh_token";

	// positions of the token values in OAuth2AuthorizedClientParametersMapper's list
	private static final int ACCESS_VALUE = 3;

	private static final int REFRESH_VALUE = 7;

	private EncryptedClientRows() {
	}

	static Function<OAuth2AuthorizedClientHolder, List<SqlParameterValue>> parameters(TokenCipher cipher) {
		OAuth2AuthorizedClientParametersMapper plain = new OAuth2AuthorizedClientParametersMapper();
		return (holder) -> {
			List<SqlParameterValue> parameters = plain.apply(holder);
			OAuth2AuthorizedClient client = holder.getAuthorizedClient();
			parameters.set(ACCESS_VALUE,
					new SqlParameterValue(Types.BLOB, cipher.encrypt(client.getAccessToken().getTokenValue(), ACCESS)));
			OAuth2RefreshToken refresh = client.getRefreshToken();
			parameters.set(REFRESH_VALUE, new SqlParameterValue(Types.BLOB,
					(refresh != null) ? cipher.encrypt(refresh.getTokenValue(), REFRESH) : null));
			return parameters;
		};
	}

	static RowMapper<OAuth2AuthorizedClient> rows(TokenCipher cipher, ClientRegistrationRepository registrations) {
		return (rs, rowNum) -> {
			String registrationId = rs.getString("client_registration_id");
			ClientRegistration registration = registrations.findByRegistrationId(registrationId);
			if (registration == null) {
				throw new DataRetrievalFailureException("An authorization for '" + registrationId
						+ "' is stored, but WEBEX_INTEGRATION_CLIENT_ID or PUBLIC_BASE_URL is not set");
			}
			String scopes = rs.getString("access_token_scopes");
			OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
					cipher.decrypt(rs.getBytes("access_token_value"), ACCESS), instant(rs, "access_token_issued_at"),
					instant(rs, "access_token_expires_at"),
					(scopes != null) ? StringUtils.commaDelimitedListToSet(scopes) : Set.of());
			byte[] refreshValue = rs.getBytes("refresh_token_value");
			OAuth2RefreshToken refresh = (refreshValue != null) ? new OAuth2RefreshToken(
					cipher.decrypt(refreshValue, REFRESH), instant(rs, "refresh_token_issued_at")) : null;
			return new OAuth2AuthorizedClient(registration, rs.getString("principal_name"), access, refresh);
		};
	}

	private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
