package io.github.recordingbot.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.github.recordingbot.access.AccessConfigStore;
import io.github.recordingbot.alert.Alerts;
import io.github.recordingbot.officer.OfficerOverview;
import io.github.recordingbot.support.TestClock;
import io.github.recordingbot.webex.ProxyFailures;
import io.github.recordingbot.webex.ProxySettings;
import io.github.recordingbot.webex.WebexModels.Webhook;
import io.github.recordingbot.webex.WebexProperties;
import io.github.recordingbot.webhook.PreviousSecretWindow;
import io.github.recordingbot.websocket.WebsocketMonitor;
import io.github.recordingbot.websocket.WebsocketStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * {@code GET /}: who may read the status page, what it shows, and the headers it carries.
 * Webex and the stores are mocks; the end-to-end cases (the webhooks as Webex listed
 * them, the admin actions against a fake Webex) are in {@link StatusPageTests}.
 */
@OperatorPagesSlice
class StatusControllerTests {

	static final Instant LISTED_AT = TestClock.START.minusSeconds(60);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	OfficerOverview officer;

	@Autowired
	AccessConfigStore config;

	@Autowired
	Alerts alerts;

	@Autowired
	WebsocketMonitor websocket;

	@Autowired
	WebhookRegistration webhooks;

	@Autowired
	ProxyFailures proxy;

	@BeforeEach
	void aBotWithAPastedOfficerTokenAndTwoWebhooks() {
		given(this.officer.status()).willReturn(new OfficerOverview.Status(true, false, false, null, null, null,
				Set.of(), null, null, null, null, false, true));
		given(this.config.status()).willReturn(new AccessConfigStore.ReloadStatus(Path.of("/config/config.json"), true,
				LISTED_AT, LISTED_AT, null, List.of(), 1, 1));
		given(this.alerts.overview()).willReturn(new Alerts.Overview(List.of(), List.of()));
		given(this.websocket.status())
			.willReturn(new WebsocketStatus("webhook", WebsocketStatus.State.DISABLED, null, 0, null, null, null));
		given(this.webhooks.target()).willReturn("https://bot.example.com/webhook");
		given(this.webhooks.previousSecret()).willReturn(new PreviousSecretWindow.Status(false, false, null, null));
		given(this.webhooks.known()).willReturn(new KnownWebhooks.Snapshot(
				List.of(webhook("messages", "active"), webhook("attachmentActions", "inactive")), LISTED_AT, null));
		given(this.proxy.settings()).willReturn(ProxySettings.NONE);
	}

	@Test
	void statusPageNeedsTheOperatorLogin() {
		assertThat(this.mvc.get().uri("/")).hasStatus(401);
		assertThat(this.mvc.get().uri("/").with(httpBasic("admin", "wrong-password"))).hasStatus(401);
	}

	@Test
	void statusPageShowsEverySectionAndAFormWithACsrfToken() throws Exception {
		assertThat(page()).contains("Compliance Officer authorization")
			.contains("set, in use")
			.contains("Webhooks")
			.contains("attachmentActions/created")
			.contains("inactive")
			.contains("Config file")
			.contains("Requests since start")
			.contains("name=\"_csrf\"");
	}

	@Test
	void renderingThePageListsNoWebhooksAndShowsThemAsLastListed() throws Exception {
		assertThat(page()).contains("As of")
			.contains(LISTED_AT.toString())
			.contains("messages/created")
			.contains("active → https://bot.example.com/webhook");

		then(this.webhooks).should(never()).refresh();
		then(this.webhooks).should(never()).ours();
	}

	@Test
	void statusPageShowsTheProxyWithoutItsCredentialsAndWhenItRefused() throws Exception {
		ProxySettings settings = ProxySettings
			.from(new WebexProperties.Proxy("http://bot:s3cret-proxy@proxy.corp:3128", null, null), (key) -> null);
		ProxyFailures failures = new ProxyFailures(settings, Clock.systemUTC());
		given(this.proxy.settings()).willReturn(settings);
		given(this.proxy.last()).willAnswer((invocation) -> failures.last());

		assertThat(page()).contains("Outbound proxy")
			.contains("proxy: proxy.corp:3128, with credentials")
			.doesNotContain("last failure")
			.doesNotContain("s3cret-proxy");

		failures.answered(URI.create("https://webexapis.com/v1/people/me"), 407);

		assertThat(page())
			.contains("proxy.corp:3128 refused the call with 407 Proxy Authentication Required: "
					+ "check the user and password in HTTPS_PROXY")
			.doesNotContain("s3cret-proxy");
	}

	@Test
	void theStatusPageHasAPolicyWithoutScriptsInlineStylesOrFraming() {
		var status = this.mvc.get().uri("/").with(httpBasic("admin", OperatorSecurity.PASSWORD)).exchange();

		assertThat(status).hasStatusOk()
			.headers()
			.hasValue("Content-Security-Policy",
					"default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
		assertThat(status).bodyText()
			.contains("<link rel=\"stylesheet\" href=\"/css/bot.css\">")
			.doesNotContain("<style", "style=", "<script");
	}

	@Test
	void theStylesheetTheCspAllowsIsServedWithoutLogin() {
		var stylesheet = this.mvc.get().uri("/css/bot.css").exchange();

		assertThat(stylesheet).hasStatusOk().contentType().isCompatibleWith("text/css");
		assertThat(stylesheet).bodyText().contains("tr.warn td");
	}

	@Test
	void withAWebhookSecretThereIsNoWebhookAlarm() throws Exception {
		assertThat(page()).doesNotContain("POST /webhook answers 401 to every delivery");
	}

	private String page() throws Exception {
		var page = this.mvc.get().uri("/").with(httpBasic("admin", OperatorSecurity.PASSWORD)).exchange();
		assertThat(page).hasStatusOk();
		return page.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static Webhook webhook(String resource, String status) {
		return new Webhook(resource + "-id", WebhookRegistration.NAME, "https://bot.example.com/webhook", resource,
				"created", null, null, status, LISTED_AT);
	}

}
