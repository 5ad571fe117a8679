package io.github.recordingbot.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording says the CPU and the allocation went: execution samples by thread
 * (digits folded), by innermost frame, by library (the package of the innermost frame,
 * cut to a known prefix) and by the innermost frame of ours (the code of this project
 * that led to the sampled work, whatever library did it); allocation samples weighted by
 * bytes, by innermost frame of ours.
 */
final class JfrSummary {

	static final String OURS = "io.github.recordingbot.";

	static final int TOP = 15;

	/** Package prefixes that name a library, longest first where they nest. */
	static final List<String> LIBRARIES = List.of(OURS, "org.apache.hc.", "org.apache.catalina.", "org.apache.coyote.",
			"org.apache.tomcat.", "tools.jackson.", "com.fasterxml.jackson.", "org.springframework.security.",
			"org.springframework.web.", "org.springframework.http.", "org.springframework.boot.",
			"org.springframework.jdbc.", "org.springframework.", "io.micrometer.", "ch.qos.logback.", "org.slf4j.",
			"com.zaxxer.hikari.", "org.h2.", "org.postgresql.", "com.github.benmanes.caffeine.",
			"io.github.resilience4j.", "jdk.internal.", "sun.nio.", "sun.security.", "javax.crypto.", "com.sun.crypto.",
			"java.util.regex.", "java.util.concurrent.", "java.util.", "java.lang.invoke.", "java.lang.", "java.time.",
			"java.net.", "java.io.", "java.nio.", "java.security.", "sun.");

	private JfrSummary() {
	}

	static String of(Path recording) throws IOException {
		Map<String, Long> byThread = new HashMap<>();
		Map<String, Long> byFrame = new HashMap<>();
		Map<String, Long> byLibrary = new HashMap<>();
		Map<String, Long> byOurs = new HashMap<>();
		Map<String, Long> inclusiveOurs = new HashMap<>();
		Map<String, Long> allocationByOurs = new HashMap<>();
		Map<String, Long> allocationByFrame = new HashMap<>();
		long samples = 0;
		long allocated = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
			String type = event.getEventType().getName();
			RecordedStackTrace stack = event.getStackTrace();
			if (stack == null || stack.getFrames().isEmpty()) {
				continue;
			}
			List<RecordedFrame> frames = stack.getFrames();
			if (type.equals("jdk.ExecutionSample")) {
				samples++;
				String thread = event.getThread("sampledThread").getJavaName();
				byThread.merge((thread != null) ? thread.replaceAll("[0-9]+", "#") : "?", 1L, Long::sum);
				byFrame.merge(name(frames.get(0)), 1L, Long::sum);
				byLibrary.merge(library(className(frames.get(0))), 1L, Long::sum);
				byOurs.merge(innermostOurs(frames), 1L, Long::sum);
				frames.stream()
					.filter((frame) -> className(frame).startsWith(OURS))
					.map((frame) -> name(frame).substring(OURS.length()))
					.distinct()
					.forEach((method) -> inclusiveOurs.merge(method, 1L, Long::sum));
			}
			else if (type.equals("jdk.ObjectAllocationSample")) {
				long weight = event.getLong("weight");
				allocated += weight;
				allocationByOurs.merge(innermostOurs(frames), weight, Long::sum);
				allocationByFrame.merge(name(frames.get(0)), weight, Long::sum);
			}
		}
		StringBuilder out = new StringBuilder();
		out.append(String.format("%nJFR %s: %d execution samples (Java code only: not GC, JIT or native)%n",
				recording.getFileName(), samples));
		top(out, "by thread", byThread, samples, Function.identity());
		top(out, "by library (innermost frame)", byLibrary, samples, Function.identity());
		top(out, "by innermost frame", byFrame, samples, Function.identity());
		top(out, "by innermost frame of ours (what of ours led to the work)", byOurs, samples, Function.identity());
		top(out, "by frame of ours anywhere on the stack (inclusive)", inclusiveOurs, samples, Function.identity());
		out.append(String.format("allocation samples: %d MB sampled weight%n", allocated >> 20));
		top(out, "allocation by innermost frame of ours", allocationByOurs, allocated, Function.identity());
		top(out, "allocation by innermost frame", allocationByFrame, allocated, Function.identity());
		return out.toString();
	}

	static void top(StringBuilder out, String title, Map<String, Long> counts, long total,
			Function<String, String> label) {
		out.append("  ").append(title).append(":\n");
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(TOP)
			.forEach((e) -> out.append(String.format("    %5.1f %%  %s%n", 100.0 * e.getValue() / Math.max(1, total),
					label.apply(e.getKey()))));
	}

	static String innermostOurs(List<RecordedFrame> frames) {
		for (RecordedFrame frame : frames) {
			if (className(frame).startsWith(OURS) && !className(frame).contains("$$")) {
				return name(frame).substring(OURS.length());
			}
		}
		return "(none of ours on the stack)";
	}

	static String library(String className) {
		for (String prefix : LIBRARIES) {
			if (className.startsWith(prefix)) {
				return prefix + "*";
			}
		}
		return className;
	}

	static String className(RecordedFrame frame) {
		return frame.getMethod().getType().getName();
	}

	static String name(RecordedFrame frame) {
		return className(frame) + "." + frame.getMethod().getName();
	}

}
