package io.github.recordingbot.sim;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Knobs for tests and benchmarks: the simulated calls so far ({@code GET /sim/calls},
 * reset with {@code DELETE}) and the latency of every simulated call
 * ({@code PUT /sim/latency?millis=50}). Only for a client on the same machine (403
 * otherwise): a slow simulator slows the demo for everyone.
 */
@RestController
@Profile("demo")
class SimControlController {

	private final SimCalls calls;

	SimControlController(SimCalls calls) {
		this.calls = calls;
	}

	@GetMapping("/sim/calls")
	ResponseEntity<?> calls(HttpServletRequest request) {
		return fromLoopback(request, () -> ResponseEntity.ok(Map.of("total", this.calls.total(), "byEndpoint",
				this.calls.counts(), "latencyMillis", this.calls.latency().toMillis())));
	}

	@DeleteMapping("/sim/calls")
	ResponseEntity<?> reset(HttpServletRequest request) {
		return fromLoopback(request, () -> {
			this.calls.reset();
			return ResponseEntity.noContent().build();
		});
	}

	@PutMapping("/sim/latency")
	ResponseEntity<?> latency(HttpServletRequest request, @RequestParam long millis) {
		return fromLoopback(request, () -> {
			if (millis < 0 || millis > 60_000) {
				return ResponseEntity.badRequest().build();
			}
			this.calls.latency(Duration.ofMillis(millis));
			return ResponseEntity.noContent().build();
		});
	}

	private static ResponseEntity<?> fromLoopback(HttpServletRequest request, Supplier<ResponseEntity<?>> answer) {
		return isLoopback(request.getRemoteAddr()) ? answer.get() : ResponseEntity.status(HttpStatus.FORBIDDEN).build();
	}

	/**
	 * The connection's own address, never a forwarded header: a literal IP, so no name
	 * lookup happens.
	 */
	static boolean isLoopback(String remoteAddress) {
		if (remoteAddress == null
				|| !(remoteAddress.contains(":") || remoteAddress.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
			return false;
		}
		try {
			return InetAddress.getByName(remoteAddress).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
