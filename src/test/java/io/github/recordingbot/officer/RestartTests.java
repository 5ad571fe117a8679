package io.github.recordingbot.officer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.github.recordingbot.RecordingBotApplication;
import io.github.recordingbot.support.BotTestSupport;
import io.github.recordingbot.support.WebexFake;
import io.github.recordingbot.webex.OfficerTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class RestartTests {

	@TempDir
	Path dir;

	@Test
	void aNewApplicationOnTheSameDataDirectoryUsesTheStoredTokenAndNoFileOrLogHoldsIt(CapturedOutput output)
			throws Exception {
		BotTestSupport.WEBEX.reset();
		try (ConfigurableApplicationContext first = start()) {
			ClientRegistrationRepository registrations = first.getBean(ClientRegistrationRepository.class);
			Instant now = Instant.now();
			OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
					"restart-access-token-value", now, now.plus(Duration.ofDays(14)), Set.of("spark:people_read"));
			first.getBean(OAuth2AuthorizedClientService.class)
				.saveAuthorizedClient(
						new OAuth2AuthorizedClient(registrations.findByRegistrationId("webex"), "compliance-officer",
								access, new OAuth2RefreshToken("restart-refresh-token-value", now)),
						UsernamePasswordAuthenticationToken.unauthenticated("compliance-officer", ""));
		}
		try (ConfigurableApplicationContext second = start()) {
			assertThat(second.getBean(OfficerTokens.class).accessToken()).contains("restart-access-token-value");
		}

		List<String> secrets = List.of("restart-access-token-value", "restart-refresh-token-value",
				OfficerTestSupport.CLIENT_SECRET, WebexFake.BOT_TOKEN);
		assertThat(secrets).noneMatch(output.getAll()::contains);
		try (Stream<Path> files = Files.walk(this.dir)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
				assertThat(secrets).as(file.toString()).noneMatch(content::contains);
			}
		}
	}

	ConfigurableApplicationContext start() {
		// command-line arguments: default properties would lose to
		// application.properties's
		// ${ENV:} mappings
		return new SpringApplicationBuilder(RecordingBotApplication.class).run(Stream
			.of("server.port=0", "webex.api-base-url=" + BotTestSupport.WEBEX.baseUrl(),
					"webex.bot-access-token=" + WebexFake.BOT_TOKEN, "webhook.secret=" + WebexFake.SECRET,
					"bot.public-base-url=https://bot.example.com", "bot.config-file=" + BotTestSupport.CONFIG,
					"bot.log-dir=" + this.dir.resolve("log"), "bot.admin-password=test-admin-password",
					"officer.client-id=integration-client-id",
					"officer.client-secret=" + OfficerTestSupport.CLIENT_SECRET,
					"officer.token-storage-path=" + this.dir.resolve("data"), "bot.list-webhooks-at-startup=false")
			.map((p) -> "--" + p)
			.toArray(String[]::new));
	}

}
