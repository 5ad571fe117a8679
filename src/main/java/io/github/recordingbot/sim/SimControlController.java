package io.github.recordingbot.sim;

import java.time.Duration;
import java.util.Map;

import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Knobs for tests and benchmarks: the simulated calls so far ({@code GET /sim/calls},
 * reset with {@code DELETE}) and the latency of every simulated call
 * ({@code PUT /sim/latency?millis=50}).
 */
@RestController
@Profile("demo")
class SimControlController {

	private final SimCalls calls;

	SimControlController(SimCalls calls) {
		this.calls = calls;
	}

	@GetMapping("/sim/calls")
	Map<String, Object> calls() {
		return Map.of("total", this.calls.total(), "byEndpoint", this.calls.counts(), "latencyMillis",
				this.calls.latency().toMillis());
	}

	@DeleteMapping("/sim/calls")
	ResponseEntity<Void> reset() {
		this.calls.reset();
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/sim/latency")
	ResponseEntity<Void> latency(@RequestParam long millis) {
		if (millis < 0 || millis > 60_000) {
			return ResponseEntity.badRequest().build();
		}
		this.calls.latency(Duration.ofMillis(millis));
		return ResponseEntity.noContent().build();
	}

}
