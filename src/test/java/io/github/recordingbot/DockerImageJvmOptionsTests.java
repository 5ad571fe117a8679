package io.github.recordingbot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.recordingbot.support.Dockerfile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfile's {@code JAVA_TOOL_OPTIONS} start a JVM (an option a JVM does not know
 * stops every start of the image) and give it the memory limits docs/docker.md describes.
 */
class DockerImageJvmOptionsTests {

	static final Pattern FLAG = Pattern.compile("^\\s*\\S+\\s+(\\w+)\\s+:?=\\s+(\\S+)", Pattern.MULTILINE);

	@Test
	void theImagesJvmOptionsStartAJvmWithTheDocumentedLimits() throws Exception {
		String options = Dockerfile.env("JAVA_TOOL_OPTIONS");
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:+PrintFlagsFinal", "-version")
			.redirectErrorStream(true);
		builder.environment().put("JAVA_TOOL_OPTIONS", options);
		Process java = builder.start();
		String out = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(java.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(java.exitValue()).as(out).isZero();
		Map<String, String> flags = new TreeMap<>();
		Matcher matcher = FLAG.matcher(out);
		while (matcher.find()) {
			flags.put(matcher.group(1), matcher.group(2));
		}
		assertThat(flags).containsEntry("UseSerialGC", "true")
			.containsEntry("MaxHeapSize", String.valueOf(56L << 20))
			.containsEntry("MaxNewSize", String.valueOf(14L << 20))
			.containsEntry("TieredStopAtLevel", "1")
			.containsEntry("MinHeapFreeRatio", "10")
			.containsEntry("MaxHeapFreeRatio", "30")
			.containsEntry("TrimNativeHeapInterval", "2000");
		assertThat(Dockerfile.env("MALLOC_ARENA_MAX")).isEqualTo("2");
	}

}
