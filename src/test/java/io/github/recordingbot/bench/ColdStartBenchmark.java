package io.github.recordingbot.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.recordingbot.bench.RecBenchmark.AppProcess;
import io.github.recordingbot.bench.RecBenchmark.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Cold start of the packaged jar as the Docker image runs it: process start → port open,
 * first 200 from {@code /actuator/health}, first signed webhook acknowledged, and its
 * reply posted to Webex (the simulator), median of {@code bench.coldstart.starts} starts
 * per variant. Needs the jar: {@code ./mvnw -DskipTests package}, then
 * {@code ./mvnw -Pbench test -Dbench=coldstart} (docs/benchmarks.md).
 */
@EnabledIfSystemProperty(named = "bench", matches = "coldstart")
class ColdStartBenchmark {

	static final Duration POLL = Duration.ofMillis(5);

	static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds");

	final int starts = Integer.getInteger("bench.coldstart.starts", 5);

	final List<String> variants = List
		.of(System.getProperty("bench.coldstart.variants", "jar,extracted,aot,cds,image").split(","));

	final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(1))
		.build();

	@Test
	void coldStarts() throws Exception {
		Path dir = Files.createTempDirectory("recording-bot-coldstart");
		Path jar = Files.copy(packagedJar(), dir.resolve("app.jar"));
		// the Dockerfile's steps: extract, then one training run per archive
		Path app = extract(jar, dir.resolve("extracted"));
		Map<String, List<String>> jvm = new LinkedHashMap<>();
		jvm.put("jar", List.of("-jar", jar.toString()));
		jvm.put("extracted", List.of("-jar", app.toString()));
		jvm.put("aot", List.of("-Dspring.aot.enabled=true", "-jar", app.toString()));
		if (this.variants.contains("cds")) {
			jvm.put("cds",
					List.of("-XX:SharedArchiveFile=" + train(app, dir, "plain.jsa", false), "-jar", app.toString()));
		}
		if (this.variants.contains("image")) {
			jvm.put("image", List.of("-XX:SharedArchiveFile=" + train(app, dir, "app.jsa", true),
					"-Dspring.aot.enabled=true", "-jar", app.toString()));
		}
		RecBenchmark rec = new RecBenchmark();
		try (AppProcess sim = AppProcess.simulator(dir, rec.latencyMillis)) {
			rec.sim = sim;
			List<Target> targets = rec.targets();
			System.out.printf("%nCold starts: %d per variant (+1 discarded), %d cores, %s, load %s%n", this.starts,
					Runtime.getRuntime().availableProcessors(), Runtime.version(), loadAverage());
			List<String> rows = new ArrayList<>();
			for (String variant : this.variants) {
				List<Start> results = new ArrayList<>();
				for (int i = 0; i <= this.starts; i++) {
					Start start = start(rec, targets.get(i % targets.size()), jvm.get(variant), dir.resolve(variant));
					System.out.printf("  %-9s #%d %s%n", variant, i, start);
					if (i > 0) {
						results.add(start);
					}
				}
				rows.add(row(variant, results));
			}
			System.out.printf("%nMedians of %d starts (ms; CPU = utime+stime of the process at the first 200 on "
					+ "health; classes after the reply), load now %s%n", this.starts, loadAverage());
			System.out.println("variant   | port | health | webhook ack | reply posted | Spring 'Started in' | "
					+ "CPU to health | classes (from CDS) | peak RSS MB");
			rows.forEach(System.out::println);
		}
	}

	/** One start: the process as the image runs it, timed from just before it starts. */
	Start start(RecBenchmark rec, Target target, List<String> jvmArgs, Path dir) throws Exception {
		Files.createDirectories(dir);
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String base = "http://localhost:" + port;
		String message = rec.post("/demo/api/people/" + target.personId() + "/messages",
				"{\"text\":\"rec " + target.meetingNumber() + " " + target.email() + " 30\"}");
		long repliesBefore = rec.repliesSoFar();
		Path log = Files.createTempFile(dir, "bot", ".log");
		ProcessBuilder builder = new ProcessBuilder(command(jvmArgs)).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(imageEnvironment(dir, port));
		builder.environment().put("WEBEX_API_BASE_URL", rec.sim.base + "/sim/v1");
		long t0 = System.nanoTime();
		Process process = builder.start();
		try {
			CompletableFuture<long[]> health = CompletableFuture.supplyAsync(() -> untilHealthy(process, base, t0));
			CompletableFuture<long[]> webhook = CompletableFuture
				.supplyAsync(() -> untilAcknowledged(process, rec, base, message, t0));
			long[] h = health.get(120, TimeUnit.SECONDS);
			long[] w = webhook.get(120, TimeUnit.SECONDS);
			long reply = -1;
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (w[1] == 200 && System.nanoTime() < deadline) {
				if (rec.repliesSoFar() > repliesBefore) {
					reply = millisSince(t0);
					break;
				}
				Thread.sleep(POLL.toMillis());
			}
			Map<String, Long> counters = perfCounters(process.pid());
			return new Start(w[0], h[0], w[1], w[2], reply, started(log), h[1],
					counters.getOrDefault("java.cls.loadedClasses", -1L),
					counters.getOrDefault("java.cls.sharedLoadedClasses", -1L), peakRss(process.pid()));
		}
		finally {
			process.destroy();
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	/** Polls health; returns {ms to the first 200, process CPU ms at that moment}. */
	long[] untilHealthy(Process process, String base, long t0) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
			.timeout(Duration.ofSeconds(5))
			.build();
		while (process.isAlive()) {
			try {
				if (this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					long at = millisSince(t0);
					return new long[] { at, cpuMillis(process.pid()) };
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			pause();
		}
		throw new IllegalStateException("The bot exited before it was healthy");
	}

	/**
	 * Waits until the port accepts, then sends the signed webhook at once; returns {ms to
	 * the port, status of the first answer, ms to it}.
	 */
	long[] untilAcknowledged(Process process, RecBenchmark rec, String base, String message, long t0) {
		URI uri = URI.create(base);
		while (process.isAlive()) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
			}
			catch (IOException ex) {
				pause();
				continue;
			}
			long port = millisSince(t0);
			try {
				int status = rec.deliver(base, message);
				return new long[] { port, status, millisSince(t0) };
			}
			catch (Exception ex) {
				throw new IllegalStateException("The first webhook failed", ex);
			}
		}
		throw new IllegalStateException("The bot exited before its port accepted");
	}

	/** The image's training run (Dockerfile): start, refresh the context, exit. */
	Path train(Path app, Path dir, String name, boolean aot) throws Exception {
		Path archive = dir.resolve(name);
		Path training = Files.createDirectories(dir.resolve("training-" + name));
		List<String> args = new ArrayList<>(
				List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh"));
		if (aot) {
			args.add("-Dspring.aot.enabled=true");
		}
		args.addAll(List.of("-jar", app.toString()));
		ProcessBuilder builder = new ProcessBuilder(command(args)).redirectErrorStream(true)
			.redirectOutput(training.resolve("training.log").toFile());
		builder.environment().putAll(imageEnvironment(training, 0));
		builder.environment().put("BOT_ACCESS_TOKEN", "cds-training");
		builder.environment().put("WEBHOOK_SECRET", "cds-training");
		Process process = builder.start();
		if (!process.waitFor(180, TimeUnit.SECONDS) || !Files.exists(archive)) {
			throw new IllegalStateException("The training run made no archive; see " + training);
		}
		return archive;
	}

	static List<String> command(List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(args);
		return command;
	}

	/** The image's ENV (Dockerfile), with this start's directories and port. */
	static Map<String, String> imageEnvironment(Path dir, int port) throws IOException {
		Path config = dir.resolve("config.json");
		Files.writeString(config, """
				{"approved_domains": ["example.com"], "respond_only_to_host": true, "protect_pmr": true,
				 "language": "en_US", "max_days_back": 30}
				""", StandardCharsets.UTF_8);
		Map<String, String> env = new LinkedHashMap<>();
		env.put("CFG_FILE_PATH", config.toString());
		env.put("LOG_DIR", dir.resolve("log").toString());
		env.put("TOKEN_STORAGE_PATH", dir.resolve("data").toString());
		env.put("SERVER_PORT", String.valueOf(port));
		env.put("MALLOC_ARENA_MAX", RecBenchmark.DOCKER_MALLOC_ARENA_MAX);
		env.put("JAVA_TOOL_OPTIONS", RecBenchmark.DOCKER_JVM_OPTIONS);
		env.put("BOT_ACCESS_TOKEN", "demo-bot-token");
		env.put("WEBEX_INTEGRATION_ACCESS_TOKEN", "demo-officer-token");
		env.put("WEBHOOK_SECRET", RecBenchmark.SECRET);
		env.put("BOT_ADMIN_PASSWORD", "bench-admin-password");
		return env;
	}

	/** {@code bench.coldstart.jar}, else the jar {@code ./mvnw package} made. */
	static Path packagedJar() throws IOException {
		String jar = System.getProperty("bench.coldstart.jar");
		if (jar != null) {
			return Path.of(jar);
		}
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter((f) -> f.getFileName().toString().matches("webex-recording-bot-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No jar in target/: run ./mvnw -DskipTests package"));
		}
	}

	static Path extract(Path jar, Path destination) throws Exception {
		Process process = new ProcessBuilder(command(
				List.of("-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", destination.toString())))
			.redirectErrorStream(true)
			.start();
		process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
		if (process.waitFor() != 0) {
			throw new IllegalStateException("Extracting " + jar + " failed");
		}
		return destination.resolve(jar.getFileName());
	}

	static Map<String, Long> perfCounters(long pid) throws Exception {
		Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				String.valueOf(pid), "PerfCounter.print")
			.redirectErrorStream(true)
			.start();
		Map<String, Long> counters = new LinkedHashMap<>();
		for (String line : new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
			String[] kv = line.split("=", 2);
			if (kv.length == 2 && kv[1].trim().matches("-?[0-9]+")) {
				counters.put(kv[0].trim(), Long.parseLong(kv[1].trim()));
			}
		}
		jcmd.waitFor();
		return counters;
	}

	static long started(Path log) throws IOException {
		Matcher matcher = STARTED.matcher(Files.readString(log));
		return matcher.find() ? Math.round(Double.parseDouble(matcher.group(1)) * 1000) : -1;
	}

	static long cpuMillis(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// clock ticks of 10 ms (CLK_TCK = 100 on Linux)
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
		}
		catch (IOException ex) {
			return -1;
		}
	}

	static long peakRss(long pid) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
			if (line.startsWith("VmHWM:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
			}
		}
		return -1;
	}

	static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException ex) {
			return "?";
		}
	}

	static long millisSince(long t0) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
	}

	static void pause() {
		try {
			Thread.sleep(POLL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static String row(String variant, List<Start> starts) {
		return String.format("%-9s | %d | %d | %d | %d | %d | %d | %d (%d) | %d", variant, median(starts, Start::port),
				median(starts, Start::health), median(starts, Start::ack), median(starts, Start::reply),
				median(starts, Start::started), median(starts, Start::cpuToHealth), median(starts, Start::classes),
				median(starts, Start::sharedClasses), median(starts, Start::peakRssMb));
	}

	static long median(List<Start> starts, ToLongFunction<Start> value) {
		List<Long> values = new ArrayList<>(starts.stream().map(value::applyAsLong).toList());
		Collections.sort(values);
		return values.get(values.size() / 2);
	}

	/** What one start measured, in ms from just before the process started. */
	record Start(long port, long health, long ackStatus, long ack, long reply, long started, long cpuToHealth,
			long classes, long sharedClasses, long peakRssMb) {

		@Override
		public String toString() {
			return String.format(
					"port %d, health %d, webhook %d after %d, reply %d, Started in %d, CPU %d, classes %d (%d from CDS), RSS %d MB",
					this.port, this.health, this.ackStatus, this.ack, this.reply, this.started, this.cpuToHealth,
					this.classes, this.sharedClasses, this.peakRssMb);
		}

	}

}
