package io.github.recordingbot.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.github.recordingbot.sim.SampleOrg.Person;
import io.github.recordingbot.sim.SampleOrg.Series;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The Webex REST endpoints the bot calls, under {@code /sim/v1}: bot calls need the demo
 * bot token, meeting and recording calls an officer token. Every call is counted and
 * takes the configured latency.
 */
@RestController
@Profile("demo")
@RequestMapping("/sim/v1")
class SimApiController {

	private final SimState state;

	private final SimCalls calls;

	private final SimTokens tokens;

	private final Clock clock;

	SimApiController(SimState state, SimCalls calls, SimTokens tokens, Clock clock) {
		this.state = state;
		this.calls = calls;
		this.tokens = tokens;
		this.clock = clock;
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
		return botCall(auth, "GET /people/{id}", () -> found(org().person(id).map(SimJson::person)));
	}

	@GetMapping("/rooms/{id}")
	ResponseEntity<?> room(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@PathVariable String id) {
		return botCall(auth, "GET /rooms/{id}",
				() -> found(org().people.stream()
					.filter((p) -> SampleOrg.roomId(p.id()).equals(id))
					.findFirst()
					.map((p) -> SimJson.room(id, p))));
	}

	@GetMapping("/messages/{id}")
	ResponseEntity<?> message(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@PathVariable String id) {
		return botCall(auth, "GET /messages/{id}", () -> found(this.state.message(id)));
	}

	@PostMapping("/messages")
	ResponseEntity<?> postMessage(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@RequestBody Map<String, Object> body) {
		return botCall(auth, "POST /messages", () -> {
			if (body.get("roomId") == null && body.get("toPersonId") == null && body.get("toPersonEmail") == null) {
				return badRequest("roomId, toPersonId or toPersonEmail is required");
			}
			return ResponseEntity.ok(this.state.botMessage(body));
		});
	}

	@GetMapping("/attachment/actions/{id}")
	ResponseEntity<?> attachmentAction(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@PathVariable String id) {
		return botCall(auth, "GET /attachment/actions/{id}", () -> found(this.state.attachmentAction(id)));
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
				return badRequest("name, targetUrl, resource and event are required");
			}
			return ResponseEntity
				.ok(this.state.saveWebhook(SampleOrg.id("WEBHOOK", UUID.randomUUID().toString()), body));
		});
	}

	@PutMapping("/webhooks/{id}")
	ResponseEntity<?> updateWebhook(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@PathVariable String id, @RequestBody Map<String, Object> body) {
		return botCall(auth, "PUT /webhooks/{id}", () -> this.state.webhook(id).isPresent()
				? ResponseEntity.ok(this.state.saveWebhook(id, body)) : notFound());
	}

	@DeleteMapping("/webhooks/{id}")
	ResponseEntity<?> deleteWebhook(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@PathVariable String id) {
		return botCall(auth, "DELETE /webhooks/{id}",
				() -> this.state.deleteWebhook(id) ? ResponseEntity.noContent().build() : notFound());
	}

	// Officer token
	// ---------------------------------------------------------------------------

	@GetMapping("/meetings")
	ResponseEntity<?> meetings(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@RequestParam(required = false) String meetingNumber, @RequestParam(required = false) String hostEmail) {
		this.calls.record("GET /meetings");
		return officerCall(auth, (officer) -> {
			if (meetingNumber == null) {
				return badRequest("This simulator answers meetingNumber lookups only");
			}
			String number = meetingNumber.replace(" ", "");
			List<Map<String, Object>> items = org().series.stream()
				.filter((s) -> s.meetingNumber().equals(number))
				.filter((s) -> hostEmail == null || s.host().email().equalsIgnoreCase(hostEmail))
				.map(SimJson::series)
				.toList();
			return ResponseEntity.ok(Map.of("items", items));
		});
	}

	@GetMapping("/meetings/{id}")
	ResponseEntity<?> meeting(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@PathVariable String id) {
		this.calls.record("GET /meetings/{id}");
		return officerCall(auth, (officer) -> {
			Optional<Map<String, Object>> series = org().series(id).map(SimJson::series);
			if (series.isPresent()) {
				return ResponseEntity.ok(series.get());
			}
			return found(org().instance(id).map((i) -> SimJson.instance(org().series(i.seriesId()).orElseThrow(), i)));
		});
	}

	@GetMapping("/recordings")
	ResponseEntity<?> recordings(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@RequestParam(required = false) String meetingId, @RequestParam(required = false) String hostEmail,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(defaultValue = "10") int max, @RequestParam(defaultValue = "0") int cursor) {
		this.calls.record("GET /recordings");
		return officerCall(auth, (officer) -> {
			Instant end = (to != null) ? to : ((from != null) ? from.plus(Duration.ofDays(7)) : this.clock.instant());
			Instant start = (from != null) ? from : end.minus(Duration.ofDays(7));
			int pageSize = Math.max(1, Math.min(100, max));
			List<Map<String, Object>> all = org().series.stream()
				.filter((s) -> hostEmail == null || s.host().email().equalsIgnoreCase(hostEmail))
				.flatMap((s) -> s.instances()
					.stream()
					.filter((i) -> meetingId == null || meetingId.equals(s.id()) || meetingId.equals(i.id()))
					.flatMap((i) -> i.recordings().stream())
					.filter((r) -> !r.timeRecorded().isBefore(start) && r.timeRecorded().isBefore(end))
					.map((r) -> SimJson.recordingItem(s, r)))
				.sorted(Comparator.comparing((Map<String, Object> r) -> (String) r.get("createTime")).reversed())
				.toList();
			List<Map<String, Object>> page = all.subList(Math.min(cursor, all.size()),
					Math.min(cursor + pageSize, all.size()));
			ResponseEntity.BodyBuilder response = ResponseEntity.ok();
			if (cursor + pageSize < all.size()) {
				String next = ServletUriComponentsBuilder.fromCurrentRequest()
					.replaceQueryParam("cursor", cursor + pageSize)
					.build()
					.toUriString();
				response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
			}
			return response.body(Map.of("items", page));
		});
	}

	@GetMapping("/recordings/{id}")
	ResponseEntity<?> recording(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@PathVariable String id) {
		this.calls.record("GET /recordings/{id}");
		return officerCall(auth,
				(officer) -> found(org().recording(id)
					.map((r) -> SimJson.recordingDetails(org().series(r.seriesId()).orElseThrow(), r, baseUrl(),
							this.clock.instant()))));
	}

	@GetMapping("/meetingPreferences/personalMeetingRoom")
	ResponseEntity<?> personalRoom(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
			@RequestParam(required = false) String userEmail) {
		this.calls.record("GET /meetingPreferences/personalMeetingRoom");
		return officerCall(auth, (officer) -> found(
				org().personByEmail((userEmail != null) ? userEmail : officer.email()).map(SimJson::personalRoom)));
	}

	// Plumbing
	// --------------------------------------------------------------------------------

	private SampleOrg org() {
		return this.state.org();
	}

	private ResponseEntity<?> botCall(String auth, String endpoint, Supplier<ResponseEntity<?>> answer) {
		this.calls.record(endpoint);
		if (!this.tokens.isBot(auth)) {
			return unauthorized();
		}
		return answer.get();
	}

	private ResponseEntity<?> officerCall(String auth, java.util.function.Function<Person, ResponseEntity<?>> answer) {
		Optional<Person> officer = this.tokens.officer(auth, officer());
		if (officer.isEmpty()) {
			return unauthorized();
		}
		return answer.apply(officer.get());
	}

	Person officer() {
		return org().personByEmail("olivia@" + SampleOrg.DOMAIN).orElseThrow();
	}

	private static String baseUrl() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

	private static ResponseEntity<?> found(Optional<?> body) {
		return body.<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(SimApiController::notFound);
	}

	private static ResponseEntity<?> notFound() {
		return error(HttpStatus.NOT_FOUND, "The requested resource could not be found.");
	}

	private static ResponseEntity<?> badRequest(String message) {
		return error(HttpStatus.BAD_REQUEST, message);
	}

	private static ResponseEntity<?> unauthorized() {
		return error(HttpStatus.UNAUTHORIZED,
				"The request requires a valid access token set in the Authorization request header.");
	}

	private static ResponseEntity<?> error(HttpStatus status, String message) {
		String trackingId = "SIM_" + UUID.randomUUID();
		return ResponseEntity.status(status).header("trackingId", trackingId).body(SimJson.error(message, trackingId));
	}

}
