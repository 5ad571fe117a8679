package io.github.recordingbot.sim;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.recordingbot.sim.SampleOrg.Person;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Webex REST endpoints the bot calls with its bot token, under {@code /sim/v1}, and
 * {@code /people/me} for either token; the officer's meeting and recording endpoints are
 * in {@link SimMeetingsController} and {@link SimAdminController}. Every call is counted
 * and takes the configured latency.
 */
@RestController
@Profile("demo")
@RequestMapping("/sim/v1")
class SimApiController {

	private final SimState state;

	private final SimCalls calls;

	private final SimTokens tokens;

	private final WebhookDeliverer deliverer;

	SimApiController(SimState state, SimCalls calls, SimTokens tokens, WebhookDeliverer deliverer) {
		this.state = state;
		this.calls = calls;
		this.tokens = tokens;
		this.deliverer = deliverer;
	}

	// Bot token
	// -------------------------------------------------------------------------------

	@GetMapping("/people/me")
	ResponseEntity<?> me(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth) {
		this.calls.record("GET /people/me");
		if (this.tokens.isBot(auth)) {
			return ResponseEntity.ok(SimJson.person(org().bot));
		}
		return officerCall(auth, (officer) -> ResponseEntity.ok(SimJson.person(officer)));
	}

	@GetMapping("/people/{id}")
	ResponseEntity<?> person(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@PathVariable String id) {
		return botCall(auth, "GET /people/{id}", () -> SimResponses.found(org().person(id).map(SimJson::person)));
	}

	@GetMapping("/rooms/{id}")
	ResponseEntity<?> room(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@PathVariable String id) {
		return botCall(auth, "GET /rooms/{id}",
				() -> SimResponses.found(org().people.stream()
					.filter((p) -> SampleOrg.roomId(p.id()).equals(id))
					.findFirst()
					.map((p) -> SimJson.room(id, p))));
	}

	@GetMapping("/messages/{id}")
	ResponseEntity<?> message(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@PathVariable String id) {
		return botCall(auth, "GET /messages/{id}", () -> SimResponses.found(this.state.message(id)));
	}

	@PostMapping("/messages")
	ResponseEntity<?> postMessage(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@RequestBody Map<String, Object> body) {
		return botCall(auth, "POST /messages", () -> {
			if (body.get("roomId") == null && body.get("toPersonId") == null && body.get("toPersonEmail") == null) {
				return SimResponses.badRequest("roomId, toPersonId or toPersonEmail is required");
			}
			return ResponseEntity.ok(this.state.botMessage(body));
		});
	}

	@GetMapping("/attachment/actions/{id}")
	ResponseEntity<?> attachmentAction(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@PathVariable String id) {
		return botCall(auth, "GET /attachment/actions/{id}", () -> SimResponses.found(this.state.attachmentAction(id)));
	}

	@GetMapping("/webhooks")
	ResponseEntity<?> webhooks(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth) {
		return botCall(auth, "GET /webhooks", () -> ResponseEntity.ok(Map.of("items", this.state.webhooks())));
	}

	@PostMapping("/webhooks")
	ResponseEntity<?> createWebhook(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@RequestBody Map<String, Object> body) {
		return botCall(auth, "POST /webhooks", () -> {
			if (body.get("targetUrl") == null || body.get("resource") == null || body.get("event") == null) {
				return SimResponses.badRequest("name, targetUrl, resource and event are required");
			}
			if (!this.deliverer.isOwnTarget(body.get("targetUrl"))) {
				return foreignTarget();
			}
			return ResponseEntity
				.ok(this.state.saveWebhook(SampleOrg.id("WEBHOOK", UUID.randomUUID().toString()), body));
		});
	}

	@PutMapping("/webhooks/{id}")
	ResponseEntity<?> updateWebhook(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@PathVariable String id, @RequestBody Map<String, Object> body) {
		return botCall(auth, "PUT /webhooks/{id}", () -> {
			if (this.state.webhook(id).isEmpty()) {
				return SimResponses.notFound();
			}
			if (body.containsKey("targetUrl") && !this.deliverer.isOwnTarget(body.get("targetUrl"))) {
				return foreignTarget();
			}
			return ResponseEntity.ok(this.state.saveWebhook(id, body));
		});
	}

	@DeleteMapping("/webhooks/{id}")
	ResponseEntity<?> deleteWebhook(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@PathVariable String id) {
		return botCall(auth, "DELETE /webhooks/{id}",
				() -> this.state.deleteWebhook(id) ? ResponseEntity.noContent().build() : SimResponses.notFound());
	}

	// Plumbing
	// --------------------------------------------------------------------------------

	/**
	 * The demo is open without login: a webhook to any other address would make the
	 * simulator post every demo message there.
	 */
	private static ResponseEntity<?> foreignTarget() {
		return SimResponses.badRequest("This simulator delivers webhooks only to the demo bot's own /webhook");
	}

	private SampleOrg org() {
		return this.state.org();
	}

	private ResponseEntity<?> botCall(String auth, String endpoint, Supplier<ResponseEntity<?>> answer) {
		this.calls.record(endpoint);
		if (!this.tokens.isBot(auth)) {
			return SimResponses.unauthorized();
		}
		return answer.get();
	}

	private ResponseEntity<?> officerCall(String auth, Function<Person, ResponseEntity<?>> answer) {
		Optional<Person> officer = this.tokens.officer(auth, org().officer());
		if (officer.isEmpty()) {
			return SimResponses.unauthorized();
		}
		return answer.apply(officer.get());
	}

}
