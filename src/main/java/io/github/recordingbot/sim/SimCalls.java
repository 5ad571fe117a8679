package io.github.recordingbot.sim;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the simulated Webex calls by endpoint and makes each take the configured
 * latency, so that tests and benchmarks can check the bot's call budget under realistic
 * delays.
 */
final class SimCalls {

	private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

	private volatile Duration latency;

	SimCalls(Duration latency) {
		this.latency = latency;
	}

	/**
	 * Counts one call and waits the latency; a plain sleep on the servlet thread is
	 * enough here.
	 */
	void record(String endpoint) {
		this.counts.computeIfAbsent(endpoint, (key) -> new AtomicLong()).incrementAndGet();
		Duration delay = this.latency;
		if (!delay.isZero()) {
			try {
				Thread.sleep(delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Calls so far by endpoint, e.g. {@code GET /recordings/{id}}. */
	Map<String, Long> counts() {
		Map<String, Long> copy = new TreeMap<>();
		this.counts.forEach((key, value) -> copy.put(key, value.get()));
		return copy;
	}

	long total() {
		return this.counts.values().stream().mapToLong(AtomicLong::get).sum();
	}

	void reset() {
		this.counts.clear();
	}

	Duration latency() {
		return this.latency;
	}

	void latency(Duration latency) {
		this.latency = latency;
	}

}
