package io.github.recordingbot.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.recordingbot.sim.SampleOrg.Person;

import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo chat page: pick a sample person, write to the bot, see its replies and submit
 * its cards. Each message or card submit is stored like Webex stores it and delivered to
 * the bot as a signed webhook, so the bot runs its real code path.
 */
@RestController
@Profile("demo")
class DemoChatController {

	private final SimState state;

	private final WebhookDeliverer webhooks;

	DemoChatController(SimState state, WebhookDeliverer webhooks) {
		this.state = state;
		this.webhooks = webhooks;
	}

	@GetMapping(path = { "/demo", "/demo/" }, produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<Resource> page() {
		return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(new ClassPathResource("sim/demo.html"));
	}

	@GetMapping("/demo/assets/adaptivecards.min.js")
	ResponseEntity<Resource> adaptiveCards() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/javascript"))
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)))
			.body(new ClassPathResource("sim/adaptivecards-3.0.4/adaptivecards.min.js"));
	}

	/** The sample people, with the meetings each hosts, as hints for the page. */
	@GetMapping("/demo/api/people")
	List<Map<String, Object>> people() {
		SampleOrg org = this.state.org();
		return org.people.stream().map((person) -> {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("id", person.id());
			json.put("email", person.email());
			json.put("displayName", person.displayName());
			json.put("inOrg", person.inDomain());
			json.put("meetings",
					org.series.stream()
						.filter((s) -> s.host().equals(person))
						.map((s) -> Map.of("meetingNumber", s.meetingNumber(), "title", s.title(), "recordings",
								s.instances().stream().mapToInt((i) -> i.recordings().size()).sum()))
						.toList());
			return json;
		}).toList();
	}

	@GetMapping("/demo/api/people/{personId}/messages")
	ResponseEntity<List<Map<String, Object>>> transcript(@PathVariable String personId) {
		return this.state.org()
			.person(personId)
			.map((p) -> ResponseEntity.ok(this.state.transcript(p.id())))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@PostMapping("/demo/api/people/{personId}/messages")
	ResponseEntity<Map<String, Object>> send(@PathVariable String personId, @RequestBody Map<String, Object> body) {
		Person person = this.state.org().person(personId).orElse(null);
		Object text = body.get("text");
		if (person == null || person.equals(this.state.org().bot) || text == null || text.toString().isBlank()) {
			return ResponseEntity.badRequest().build();
		}
		Map<String, Object> message = this.state.userMessage(person, text.toString());
		Map<String, Object> data = new LinkedHashMap<>();
		for (String field : List.of("id", "roomId", "roomType", "personId", "personEmail", "created")) {
			data.put(field, message.get(field));
		}
		this.webhooks.deliver("messages", data);
		return ResponseEntity.ok(message);
	}

	@SuppressWarnings("unchecked")
	@PostMapping("/demo/api/people/{personId}/actions")
	ResponseEntity<Map<String, Object>> submit(@PathVariable String personId, @RequestBody Map<String, Object> body) {
		Person person = this.state.org().person(personId).orElse(null);
		Object messageId = body.get("messageId");
		if (person == null || messageId == null || this.state.message(messageId.toString()).isEmpty()
				|| !(body.get("inputs") instanceof Map)) {
			return ResponseEntity.badRequest().build();
		}
		Map<String, Object> action = this.state.attachmentAction(person, messageId.toString(),
				(Map<String, Object>) body.get("inputs"));
		Map<String, Object> data = new LinkedHashMap<>();
		for (String field : List.of("id", "type", "messageId", "personId", "roomId", "created")) {
			data.put(field, action.get(field));
		}
		this.webhooks.deliver("attachmentActions", data);
		return ResponseEntity.ok(action);
	}

}
