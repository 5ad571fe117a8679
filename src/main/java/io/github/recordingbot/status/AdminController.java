package io.github.recordingbot.status;

import java.util.Optional;

import io.github.recordingbot.officer.OfficerCapabilities;
import io.github.recordingbot.webex.OfficerRefusals;
import io.github.recordingbot.webex.WebexException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The status page's admin actions. POST only, operator login and CSRF token required (see
 * {@link SecurityConfiguration}).
 */
@RestController
class AdminController {

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
	ResponseEntity<String> checkCapabilities() {
		StatusPage page = new StatusPage("Webex Recording Bot");
		CapabilitySection.render(page, Optional.of(this.capabilities.check()), this.refusals.last(), null);
		page.link("/", "Back to the status page");
		return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page.html());
	}

	@PostMapping("/admin/webhooks/register")
	ResponseEntity<String> register() {
		return run(this.webhooks::register);
	}

	@PostMapping("/admin/webhooks/delete")
	ResponseEntity<String> delete() {
		return run(() -> "Deleted " + this.webhooks.delete() + " webhooks.");
	}

	@PostMapping("/admin/webhooks/reactivate")
	ResponseEntity<String> reactivate() {
		return run(() -> "Re-activated " + this.webhooks.reactivate() + " webhooks.");
	}

	private static ResponseEntity<String> run(java.util.function.Supplier<String> action) {
		StatusPage page = new StatusPage("Webex Recording Bot");
		HttpStatus status = HttpStatus.OK;
		try {
			page.text(action.get());
		}
		catch (WebexException ex) {
			status = HttpStatus.BAD_GATEWAY;
			page.alert("Webex refused or did not answer (status " + ex.status() + "). Check BOT_ACCESS_TOKEN.");
		}
		page.link("/", "Back to the status page");
		return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(page.html());
	}

}
