package io.github.recordingbot.status;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.recordingbot.officer.OfficerCapabilities;
import io.github.recordingbot.webex.OfficerRefusals;
import io.github.recordingbot.webex.WebexException;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The status page's admin actions. POST only, operator login and CSRF token required (see
 * {@link SecurityConfiguration}). Each answers with
 * {@code templates/status/admin-result.html}.
 */
@Controller
class AdminController {

	private static final String VIEW = "status/admin-result";

	private final WebhookRegistration webhooks;

	private final OfficerCapabilities capabilities;

	private final OfficerRefusals refusals;

	AdminController(WebhookRegistration webhooks, OfficerCapabilities capabilities, OfficerRefusals refusals) {
		this.webhooks = webhooks;
		this.capabilities = capabilities;
		this.refusals = refusals;
	}

	/** Asks Webex now what the officer authorization can do; never fails for Webex. */
	@PostMapping(CapabilitySection.CHECK)
	ModelAndView checkCapabilities() {
		CapabilitySection section = CapabilitySection.of(Optional.of(this.capabilities.check()), this.refusals.last(),
				false);
		return view(HttpStatus.OK, new Result(null, null, section));
	}

	@PostMapping("/admin/webhooks/register")
	ModelAndView register() {
		return run(this.webhooks::register);
	}

	@PostMapping("/admin/webhooks/delete")
	ModelAndView delete() {
		return run(() -> "Deleted " + this.webhooks.delete() + " webhooks.");
	}

	@PostMapping("/admin/webhooks/reactivate")
	ModelAndView reactivate() {
		return run(() -> "Re-activated " + this.webhooks.reactivate() + " webhooks.");
	}

	/**
	 * Runs a webhook action, then lists the webhooks again so that the status page shows
	 * what the action left.
	 */
	private ModelAndView run(Supplier<String> action) {
		ModelAndView view;
		try {
			view = view(HttpStatus.OK, new Result(action.get(), null, null));
		}
		catch (WebexException ex) {
			view = view(HttpStatus.BAD_GATEWAY, new Result(null,
					"Webex refused or did not answer (status " + ex.status() + "). Check BOT_ACCESS_TOKEN.", null));
		}
		this.webhooks.refresh();
		return view;
	}

	private static ModelAndView view(HttpStatus status, Result result) {
		return new ModelAndView(VIEW, Map.of("result", result), status);
	}

	/**
	 * What an action did.
	 *
	 * @param text what was done, or {@code null}
	 * @param alert why it failed, or {@code null}
	 * @param capabilities the capability check's verdicts, or {@code null}
	 */
	record Result(@Nullable String text, @Nullable String alert, @Nullable CapabilitySection capabilities) {
	}

}
