package io.github.recordingbot.bench;

import java.io.IOException;
import java.net.ServerSocket;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import io.github.recordingbot.support.Dockerfile;
import io.github.recordingbot.support.WebexFake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End-to-end benchmark of {@code rec} requests: starts the simulator ({@code demo}
 * profile, {@code sim.latency} per Webex call) and the bot, each in its own JVM, sends
 * signed webhooks to the bot sequentially and at concurrency C, waits for each reply and
 * prints latency, ack time, throughput, Webex calls, and the CPU time and peak RSS of the
 * bot's process alone. Run with {@code ./mvnw -Pbench test}; never part of
 * {@code ./mvnw verify}.
 *
 * <p>
 * Replies are seen by polling the simulator's {@code GET /sim/calls} count of
 * {@code POST /messages} and matched first in, first out; the polls cost the simulator,
 * not the bot.
 */
@DisabledIfSystemProperty(named = "bench", matches = "coldstart|steady",
		disabledReason = "ColdStartBenchmark or SteadyStateBenchmark runs instead")
class RecBenchmark {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The JVM options of the Docker image, read from the Dockerfile's
	 * {@code JAVA_TOOL_OPTIONS}, so that the benchmarks run what the image runs.
	 */
	static final String DOCKER_JVM_OPTIONS = Dockerfile.env("JAVA_TOOL_OPTIONS");

	/**
	 * glibc's arena limit of the Docker image (the Dockerfile's
	 * {@code MALLOC_ARENA_MAX}).
	 */
	static final String DOCKER_MALLOC_ARENA_MAX = Dockerfile.env("MALLOC_ARENA_MAX");

	static final String SECRET = "demo-webhook-secret-not-for-production-use";

	static final Duration POLL = Duration.ofMillis(Long.getLong("bench.poll-millis", 2));

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	final long latencyMillis = Long.getLong("bench.latency-millis", 50);

	final int concurrency = Integer.getInteger("bench.concurrency", 50);

	final int sequentialRequests = Integer.getInteger("bench.sequential", 200);

	final int concurrentRequests = Integer.getInteger("bench.requests", 2000);

	final int warmup = Integer.getInteger("bench.warmup", 300);

	AppProcess sim;

	AppProcess bot;

	@Test
	void recRequests() throws Exception {
		Path dir = Files.createTempDirectory("recording-bot-bench");
		try (AppProcess sim = AppProcess.simulator(dir, this.latencyMillis);
				AppProcess bot = AppProcess.bot(dir, sim.base)) {
			this.sim = sim;
			this.bot = bot;
			List<Target> targets = targets();
			System.out.printf("%nBenchmark: %d targets (series with 1-4 recordings), sim latency %d ms, %d cores, %s%n",
					targets.size(), this.latencyMillis, Runtime.getRuntime().availableProcessors(),
					System.getProperty("java.vm.name") + " " + Runtime.version());
			System.out.printf("bot pid %d, simulator pid %d, files in %s%n%n", bot.process.pid(), sim.process.pid(),
					dir);
			callBudget("cold (first request of each target; caches empty)", targets);
			run("warm-up", targets, this.warmup, 10);
			callBudget("warm (after the warm-up)", targets);
			long idleBefore = bot.cpuMillis();
			Thread.sleep(5000);
			System.out.printf("bot CPU while idle: %.1f ms per second%n%n", (bot.cpuMillis() - idleBefore) / 5.0);
			print(run("sequential", targets, this.sequentialRequests, 1));
			print(run("C=" + this.concurrency, targets, this.concurrentRequests, this.concurrency));
			System.out.printf("audit decisions of all requests (every one should be a success): %s%n",
					decisions(dir.resolve("log")));
			System.out.printf("peak RSS (VmHWM) of the bot: %d MB, threads now: %d%n", bot.status("VmHWM") / 1024,
					bot.status("Threads"));
			Map<String, Long> threads = new TreeMap<>(bot.cpuByThread());
			threads.values().removeIf((millis) -> millis < 50);
			System.out.printf("bot CPU by thread since start, ms (digits folded): %s%n%n", threads);
			if (Boolean.getBoolean("bench.nmt")) {
				// needs -Dbench.jvm-args=-XX:NativeMemoryTracking=summary
				Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
						String.valueOf(bot.process.pid()), "VM.native_memory", "summary")
					.redirectErrorStream(true)
					.start();
				System.out.println(new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
			}
		}
	}

	/** Sample people asking for their own meetings that have 1-4 recordings. */
	List<Target> targets() throws Exception {
		List<Target> targets = new ArrayList<>();
		for (JsonNode person : JSON.readTree(get("/demo/api/people"))) {
			if (!person.path("inOrg").asBoolean(false)) {
				continue;
			}
			for (JsonNode meeting : person.path("meetings")) {
				int recordings = meeting.path("recordings").asInt(0);
				if (recordings >= 1 && recordings <= 4) {
					targets.add(new Target(person.get("id").asString(), person.get("email").asString(),
							meeting.get("meetingNumber").asString(), recordings));
				}
			}
		}
		if (targets.isEmpty()) {
			throw new IllegalStateException("The simulator offers no meeting with 1-4 recordings");
		}
		return targets;
	}

	/**
	 * One request per target, one at a time, with the simulator's calls by endpoint for
	 * each, checked against the budget of 4 + R + 1 calls (R recordings; the 1 is the
	 * personal room check).
	 */
	void callBudget(String name, List<Target> targets) throws Exception {
		System.out.printf("Webex calls per request, %s:%n", name);
		int over = 0;
		for (Target target : targets) {
			Map<String, Long> before = callsByEndpoint();
			run("budget", List.of(target), 1, 1);
			Map<String, Long> after = callsByEndpoint();
			Map<String, Long> delta = new TreeMap<>();
			after.forEach((endpoint, count) -> {
				long d = count - before.getOrDefault(endpoint, 0L);
				if (d != 0 && !endpoint.equals("GET /people/me")) {
					delta.put(endpoint, d);
				}
			});
			long total = delta.values().stream().mapToLong(Long::longValue).sum();
			long budget = 4 + target.recordings() + 1;
			over += (total > budget) ? 1 : 0;
			System.out.printf("  %-28s R=%d  calls %2d  budget %2d  %s  %s%n",
					target.email() + " " + target.meetingNumber(), target.recordings(), total, budget,
					(total <= budget) ? "ok  " : "OVER", delta);
		}
		System.out.printf("  %d of %d over budget%n%n", over, targets.size());
	}

	Result run(String name, List<Target> targets, int requests, int concurrency) throws Exception {
		long callsBefore = callsSoFar();
		long cpuBefore = this.bot.cpuMillis();
		long simCpuBefore = this.sim.cpuMillis();
		Map<String, Long> threadsBefore = this.bot.cpuByThread();
		Load load = drive(targets, requests, concurrency, (i) -> this.bot.base);
		Map<String, Long> threads = new TreeMap<>();
		this.bot.cpuByThread().forEach((thread, millis) -> {
			long d = millis - threadsBefore.getOrDefault(thread, 0L);
			if (d >= 10) {
				threads.put(thread, d);
			}
		});
		return new Result(name, requests, load.elapsedNanos(), load.endToEnd(), load.acks(), callsSoFar() - callsBefore,
				this.bot.cpuMillis() - cpuBefore, this.sim.cpuMillis() - simCpuBefore, threads);
	}

	/** What one load run measured: its duration and each request's latencies (ns). */
	record Load(long elapsedNanos, List<Long> endToEnd, List<Long> acks) {
	}

	/**
	 * Sends {@code requests} {@code rec} messages from {@code concurrency} senders, each
	 * delivery signed to the bot at {@code botBase.apply(i)} for the i-th request, and
	 * waits for every reply to reach the simulator.
	 */
	Load drive(List<Target> targets, int requests, int concurrency, IntFunction<String> botBase) throws Exception {
		Replies replies = new Replies(repliesSoFar());
		AtomicInteger next = new AtomicInteger();
		List<Long> endToEnd = Collections.synchronizedList(new ArrayList<>());
		List<Long> acks = Collections.synchronizedList(new ArrayList<>());
		ExecutorService senders = Executors.newFixedThreadPool(concurrency);
		Thread poller = new Thread(() -> replies.poll(this::repliesSoFarQuietly), "reply-poller");
		long start = System.nanoTime();
		poller.start();
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int w = 0; w < concurrency; w++) {
				workers.add(senders.submit(() -> {
					for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
						Target target = targets.get(i % targets.size());
						String data = post("/demo/api/people/" + target.personId() + "/messages",
								"{\"text\":\"rec " + target.meetingNumber() + " " + target.email() + " 30\"}");
						CountDownLatch done = new CountDownLatch(1);
						long sent = System.nanoTime();
						replies.expect(sent, done, endToEnd);
						int status = deliver(botBase.apply(i), data);
						acks.add(System.nanoTime() - sent);
						if (status != 200) {
							throw new IllegalStateException("Webhook answered " + status);
						}
						if (!done.await(60, TimeUnit.SECONDS)) {
							throw new IllegalStateException("No reply within 60 s");
						}
					}
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		finally {
			replies.stop();
			poller.join();
			senders.shutdownNow();
		}
		return new Load(System.nanoTime() - start, endToEnd, acks);
	}

	/** How many audit lines carry each decision, from the bot's audit files. */
	static Map<String, Integer> decisions(Path logDir) throws IOException {
		Map<String, Integer> counts = new TreeMap<>();
		try (var files = Files.list(logDir)) {
			for (Path file : files.filter((f) -> f.getFileName().toString().startsWith("audit")).toList()) {
				for (String line : Files.readAllLines(file)) {
					counts.merge(JSON.readTree(line).path("decision").asString("?"), 1, Integer::sum);
				}
			}
		}
		return counts;
	}

	void print(Result r) {
		List<Long> e2e = sorted(r.endToEnd());
		List<Long> acks = sorted(r.acks());
		double seconds = r.elapsedNanos() / 1e9;
		System.out.printf("%s: %d requests in %.1f s%n", r.name(), r.requests(), seconds);
		System.out.printf("  end-to-end  p50 %d ms  p90 %d ms  p99 %d ms  max %d ms%n", ms(e2e, 50), ms(e2e, 90),
				ms(e2e, 99), ms(e2e, 100));
		System.out.printf("  webhook ack p50 %.1f ms  p99 %.1f ms  max %.1f ms%n", pct(acks, 50) / 1e6,
				pct(acks, 99) / 1e6, pct(acks, 100) / 1e6);
		System.out.printf("  throughput  %.1f requests/s%n", r.requests() / seconds);
		System.out.printf("  Webex calls %.2f per request (simulator count, reply POST included)%n",
				(double) r.webexCalls() / r.requests());
		System.out.printf("  bot CPU     %.2f ms per request (simulator: %.2f ms per request, in its own JVM)%n",
				(double) r.cpuMillis() / r.requests(), (double) r.simCpuMillis() / r.requests());
		long jit = r.cpuByThread()
			.entrySet()
			.stream()
			.filter((e) -> e.getKey().startsWith("C# Compiler"))
			.mapToLong(Map.Entry::getValue)
			.sum();
		System.out.printf("  bot CPU     %.2f ms per request without the JIT compiler threads%n",
				(double) (r.cpuMillis() - jit) / r.requests());
		System.out.printf("  bot CPU by thread, ms: %s%n%n", r.cpuByThread());
	}

	// simulator and webhook
	// -------------------------------------------------------------------

	/** Signs a {@code messages created} webhook for the message and posts it to a bot. */
	int deliver(String botBase, String messageJson) throws Exception {
		JsonNode message = JSON.readTree(messageJson);
		Map<String, Object> data = new LinkedHashMap<>();
		for (String field : List.of("id", "roomId", "roomType", "personId", "personEmail", "created")) {
			if (message.hasNonNull(field)) {
				data.put(field, message.get(field).asString());
			}
		}
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("id", "benchmark-webhook");
		envelope.put("name", "Benchmark");
		envelope.put("targetUrl", botBase + "/webhook");
		envelope.put("resource", "messages");
		envelope.put("event", "created");
		envelope.put("ownedBy", "creator");
		envelope.put("status", "active");
		envelope.put("actorId", data.get("personId"));
		envelope.put("data", data);
		byte[] body = JSON.writeValueAsBytes(envelope);
		HttpRequest request = HttpRequest.newBuilder(URI.create(botBase + "/webhook"))
			.header("Content-Type", "application/json")
			.header("X-Spark-Signature", WebexFake.sign(SECRET, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	long repliesSoFar() throws Exception {
		return JSON.readTree(get("/sim/calls")).path("byEndpoint").path("POST /messages").asLong(0);
	}

	Map<String, Long> callsByEndpoint() throws Exception {
		Map<String, Long> counts = new TreeMap<>();
		JsonNode byEndpoint = JSON.readTree(get("/sim/calls")).path("byEndpoint");
		for (String endpoint : byEndpoint.propertyNames()) {
			counts.put(endpoint, byEndpoint.get(endpoint).asLong());
		}
		return counts;
	}

	long repliesSoFarQuietly() {
		try {
			return repliesSoFar();
		}
		catch (Exception ex) {
			return -1;
		}
	}

	long callsSoFar() throws Exception {
		return JSON.readTree(get("/sim/calls")).path("total").asLong(0);
	}

	String get(String path) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(this.sim.base + path)).GET().build());
	}

	String post(String path, String json) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(this.sim.base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	String send(HttpRequest request) throws Exception {
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(request.uri().getPath() + " answered " + response.statusCode());
		}
		return response.body();
	}

	// statistics
	// ------------------------------------------------------------------------------

	static List<Long> sorted(List<Long> values) {
		List<Long> copy = new ArrayList<>(values);
		Collections.sort(copy);
		return copy;
	}

	static double pct(List<Long> sorted, int percentile) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	static long ms(List<Long> sorted, int percentile) {
		return Math.round(pct(sorted, percentile) / 1e6);
	}

	record Target(String personId, String email, String meetingNumber, int recordings) {
	}

	record Result(String name, int requests, long elapsedNanos, List<Long> endToEnd, List<Long> acks, long webexCalls,
			long cpuMillis, long simCpuMillis, Map<String, Long> cpuByThread) {
	}

	/** Replies seen so far, handed to the waiting requests first in, first out. */
	static final class Replies {

		final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();

		final AtomicInteger polls = new AtomicInteger();

		volatile boolean running = true;

		long seen;

		Replies(long seen) {
			this.seen = seen;
		}

		void expect(long sent, CountDownLatch done, List<Long> latencies) {
			this.pending.add(new Pending(sent, done, latencies));
		}

		void poll(java.util.function.LongSupplier count) {
			while (this.running) {
				if (!this.pending.isEmpty()) {
					long now = count.getAsLong();
					this.polls.incrementAndGet();
					long at = System.nanoTime();
					for (; this.seen < now; this.seen++) {
						Pending p = this.pending.poll();
						if (p == null) {
							break;
						}
						p.latencies().add(at - p.sent());
						p.done().countDown();
					}
				}
				try {
					Thread.sleep(POLL.toMillis());
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

		void stop() {
			this.running = false;
		}

		record Pending(long sent, CountDownLatch done, List<Long> latencies) {
		}

	}

	/**
	 * An instance of the application in its own JVM, so that its CPU time and RSS are its
	 * own.
	 */
	static final class AppProcess implements AutoCloseable {

		final Process process;

		final String base;

		final Path log;

		private AppProcess(Process process, String base, Path log) {
			this.process = process;
			this.base = base;
			this.log = log;
		}

		/**
		 * The simulator: the application in the {@code demo} profile. Its own bot stays
		 * idle, since its webhooks go nowhere (the benchmark delivers them to the bot
		 * under test itself).
		 */
		static AppProcess simulator(Path dir, long latencyMillis) throws Exception {
			return start("simulator", dir, List.of("-Xmx256m"),
					List.of("--spring.profiles.active=demo", "--sim.latency=" + latencyMillis + "ms",
							"--sim.webhook-target=http://127.0.0.1:9/none", "--bot.config-file=" + config(dir),
							"--bot.log-dir=" + dir.resolve("sim-log"),
							"--officer.token-storage-path=" + dir.resolve("sim-data"), "--logging.level.root=WARN",
							"--logging.level.io.github.recordingbot.sim=ERROR", "--server.tomcat.threads.max=400"),
					Map.of());
		}

		/**
		 * The bot under test, configured like a real deployment whose Webex is the
		 * simulator.
		 */
		static AppProcess bot(Path dir, String simBase) throws Exception {
			// The Docker image's JAVA_TOOL_OPTIONS by default, so that the figures are
			// those of what ships.
			List<String> jvm = new ArrayList<>(
					List.of(System.getProperty("bench.jvm-args", DOCKER_JVM_OPTIONS).trim().split("\\s+")));
			List<String> args = new ArrayList<>(List.of("--bot.config-file=" + config(dir),
					"--bot.log-dir=" + dir.resolve("log"), "--officer.token-storage-path=" + dir.resolve("data")));
			String botArgs = System.getProperty("bench.bot-args", "").trim();
			if (!botArgs.isEmpty()) {
				args.addAll(List.of(botArgs.split("\\s+")));
			}
			return start("bot", dir, jvm, args,
					Map.of("MALLOC_ARENA_MAX", DOCKER_MALLOC_ARENA_MAX, "WEBEX_API_BASE_URL", simBase + "/sim/v1",
							"BOT_ACCESS_TOKEN", "demo-bot-token", "WEBEX_INTEGRATION_ACCESS_TOKEN",
							"demo-officer-token", "WEBHOOK_SECRET", SECRET, "BOT_ADMIN_PASSWORD",
							"bench-admin-password"));
		}

		private static AppProcess start(String name, Path dir, List<String> jvmArgs, List<String> appArgs,
				Map<String, String> env) throws Exception {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			List<String> command = new ArrayList<>();
			command.add(java);
			command.addAll(jvmArgs);
			command.addAll(List.of("-cp", System.getProperty("java.class.path"),
					"io.github.recordingbot.RecordingBotApplication", "--server.port=" + port));
			command.addAll(appArgs);
			Path log = dir.resolve(name + ".log");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			builder.environment().putAll(env);
			return started(builder.start(), "http://localhost:" + port, log);
		}

		/** A process that runs the application, once it answers 200 on health. */
		static AppProcess started(Process process, String base, Path log) throws Exception {
			AppProcess app = new AppProcess(process, base, log);
			app.awaitHealthy();
			return app;
		}

		static Path config(Path dir) throws IOException {
			Path config = dir.resolve("config.json");
			if (!Files.exists(config)) {
				Files.writeString(config, """
						{"approved_domains": [%s], "respond_only_to_host": true, "protect_pmr": true,
						 "language": "en_US", "max_days_back": 30,
						 "rate_limit": {"requests_per_minute": 1000000, "meetings_per_day": 1000000}}
						""".formatted(String.join(",", sampleDomains())), StandardCharsets.UTF_8);
			}
			return config;
		}

		/**
		 * The sample organization's domain(s), approved in the bot's config
		 * ({@code -Dbench.domains}).
		 */
		private static Set<String> sampleDomains() {
			Set<String> domains = new TreeSet<>();
			for (String domain : System.getProperty("bench.domains", "example.com").split(",")) {
				domains.add("\"" + domain.trim() + "\"");
			}
			return domains;
		}

		private void awaitHealthy() throws Exception {
			HttpClient http = HttpClient.newHttpClient();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
			while (System.nanoTime() < deadline) {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("The process exited; see " + this.log);
				}
				try {
					HttpResponse<String> health = http.send(
							HttpRequest.newBuilder(URI.create(this.base + "/actuator/health")).build(),
							HttpResponse.BodyHandlers.ofString());
					if (health.statusCode() == 200) {
						return;
					}
				}
				catch (IOException ex) {
					// not listening yet
				}
				Thread.sleep(250);
			}
			throw new IllegalStateException("The process did not become healthy; see " + this.log);
		}

		/** User plus system CPU time of the process, from /proc/&lt;pid&gt;/stat. */
		long cpuMillis() throws IOException {
			String stat = Files.readString(Path.of("/proc", String.valueOf(this.process.pid()), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			return ticks * 1000 / clockTicksPerSecond();
		}

		/**
		 * CPU time so far of the process's live threads, grouped by name with digits
		 * folded.
		 */
		Map<String, Long> cpuByThread() throws IOException {
			Map<String, Long> byName = new TreeMap<>();
			try (var tasks = Files.list(Path.of("/proc", String.valueOf(this.process.pid()), "task"))) {
				for (Path task : tasks.toList()) {
					try {
						String stat = Files.readString(task.resolve("stat"));
						String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
							.replaceAll("[0-9]+", "#");
						String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
						long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
						byName.merge(name, ticks * 1000 / clockTicksPerSecond(), Long::sum);
					}
					catch (IOException ex) {
						// the thread ended meanwhile
					}
				}
			}
			return byName;
		}

		/** A line of /proc/&lt;pid&gt;/status, e.g. VmHWM (peak RSS) or Threads. */
		long status(String field) throws IOException {
			for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(this.process.pid()), "status"))) {
				if (line.startsWith(field + ":")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
			return -1;
		}

		private static long clockTicksPerSecond() {
			try {
				Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
				return Long.parseLong(new String(getconf.getInputStream().readAllBytes()).trim());
			}
			catch (Exception ex) {
				return 100;
			}
		}

		@Override
		public void close() throws Exception {
			this.process.destroy();
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
			System.out.println("log: " + this.log);
		}

	}

}
