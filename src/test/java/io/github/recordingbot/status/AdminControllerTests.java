package io.github.recordingbot.status;

import java.util.List;

import io.github.recordingbot.officer.Capability;
import io.github.recordingbot.officer.OfficerCapabilities;
import io.github.recordingbot.officer.OfficerCapabilities.Report;
import io.github.recordingbot.officer.OfficerCapabilities.Verdict;
import io.github.recordingbot.support.TestClock;
import io.github.recordingbot.webex.WebexException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * The status page's admin actions: operator login and CSRF token first, then what each
 * action answers. The actions against a fake Webex are in {@link StatusPageTests}.
 */
@OperatorPagesSlice
class AdminControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	WebhookRegistration webhooks;

	@Autowired
	OfficerCapabilities capabilities;

	@Test
	void registerSaysWhatItDidAndListsTheWebhooksAgain() {
		given(this.webhooks.register()).willReturn("Registered 2 webhooks.");

		assertThat(operator("/admin/webhooks/register")).hasStatusOk().bodyText().contains("Registered 2 webhooks.");

		then(this.webhooks).should().refresh();
	}

	@Test
	void deleteAndReactivateSayHowManyWebhooksTheyChanged() {
		given(this.webhooks.delete()).willReturn(2);
		given(this.webhooks.reactivate()).willReturn(1);

		assertThat(operator("/admin/webhooks/delete")).hasStatusOk().bodyText().contains("Deleted 2 webhooks.");
		assertThat(operator("/admin/webhooks/reactivate")).hasStatusOk()
			.bodyText()
			.contains("Re-activated 1 webhooks.");
	}

	@Test
	void whenWebexRefusesAnActionTheAnswerIs502AndTheWebhooksAreListedAgain() {
		given(this.webhooks.register()).willThrow(new WebexException("refused", 401, "tracking", null, null));

		assertThat(operator("/admin/webhooks/register")).hasStatus(502)
			.bodyText()
			.contains("Webex refused or did not answer (status 401). Check BOT_ACCESS_TOKEN.")
			.doesNotContain("tracking");

		then(this.webhooks).should().refresh();
	}

	@Test
	void theCapabilityCheckShowsWhatTheAuthorizationCanDoWithoutTheCheckButton() {
		given(this.capabilities.check()).willReturn(new Report(TestClock.START,
				List.of(new OfficerCapabilities.Result(Capability.LIST_RECORDINGS, Verdict.ALLOWED,
						"Webex answered 200"),
						new OfficerCapabilities.Result(Capability.CHECK_PERSONAL_ROOMS, Verdict.REFUSED,
								"from officer.scopes"))));

		assertThat(operator(CapabilitySection.CHECK)).hasStatusOk()
			.bodyText()
			.contains("List recordings and fetch download links")
			.contains("allowed (Webex answered 200")
			.contains("Check personal rooms")
			.contains("refused (from officer.scopes")
			.doesNotContain("action=\"" + CapabilitySection.CHECK + "\"");
	}

	private MockMvcTester.MockMvcRequestBuilder operator(String action) {
		return this.mvc.post().uri(action).with(httpBasic("admin", OperatorSecurity.PASSWORD)).with(csrf());
	}

	@Nested
	class TheActionsDoNothing {

		@Test
		void withoutTheOperatorLogin() {
			assertThat(AdminControllerTests.this.mvc.post().uri("/admin/webhooks/register").with(csrf()))
				.hasStatus(401);

			then(AdminControllerTests.this.webhooks).shouldHaveNoInteractions();
		}

		@Test
		void adminActionsRefuseAPostWithoutCsrfToken() {
			for (String action : new String[] { "/admin/webhooks/register", "/admin/webhooks/delete",
					"/admin/webhooks/reactivate" }) {
				assertThat(AdminControllerTests.this.mvc.post()
					.uri(action)
					.with(httpBasic("admin", OperatorSecurity.PASSWORD))).hasStatus(403);
			}

			then(AdminControllerTests.this.webhooks).shouldHaveNoInteractions();
		}

		@Test
		void theCapabilityButtonNeedsTheCsrfToken() {
			assertThat(AdminControllerTests.this.mvc.post()
				.uri(CapabilitySection.CHECK)
				.with(httpBasic("admin", OperatorSecurity.PASSWORD))).hasStatus(403);

			then(AdminControllerTests.this.capabilities).should(never()).check();
		}

		@Test
		void onGet() {
			assertThat(AdminControllerTests.this.mvc.get()
				.uri("/admin/webhooks/delete")
				.with(httpBasic("admin", OperatorSecurity.PASSWORD))).hasStatus(405);

			then(AdminControllerTests.this.webhooks).shouldHaveNoInteractions();
		}

	}

}
