package io.github.recordingbot.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.github.recordingbot.bench.RecBenchmark.AppProcess;
import io.github.recordingbot.bench.RecBenchmark.Load;
import io.github.recordingbot.bench.RecBenchmark.Target;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Steady state of the packaged jar run as the Docker image runs it (extracted, AOT, the
 * CDS archive of a training run, the image's JVM options and environment), against the
 * simulator at {@code bench.latency-millis} per Webex call: per variant (H2, PostgreSQL,
 * two replicas on one PostgreSQL) a warm-up, {@code bench.sequential} requests one at a
 * time, then {@code bench.requests} at C = {@code bench.concurrency}, with the bot's CPU
 * time and allocation per request, webhook acknowledgement, end-to-end latency, database
 * transactions and connection checkouts per request and peak RSS; then, for the variants
 * in {@code bench.steady.profile}, a JFR profile of another C=50 run. Needs the jar:
 * {@code ./mvnw -DskipTests package}, then {@code ./mvnw -Pbench test -Dbench=steady}
 * (docs/benchmarks.md).
 */
@EnabledIfSystemProperty(named = "bench", matches = "steady")
class SteadyStateBenchmark {

	static final String ADMIN_PASSWORD = "bench-admin-password";

	final List<String> variants = List
		.of(System.getProperty("bench.steady.variants", "h2,postgres,postgres-2").split(","));

	final List<String> profiled = List.of(System.getProperty("bench.steady.profile", "h2").split(","));

	final int warmup = Integer.getInteger("bench.warmup", 1000);

	final int profileRequests = Integer.getInteger("bench.steady.profile-requests", 1500);

	final RecBenchmark rec = new RecBenchmark();

	EmbeddedPostgres postgres;

	@Test
	void steadyState() throws Exception {
		Path dir = Files.createTempDirectory("recording-bot-steady");
		Path jar = Files.copy(ColdStartBenchmark.packagedJar(), dir.resolve("app.jar"));
		Path app = ColdStartBenchmark.extract(jar, dir.resolve("extracted"));
		Path archive = new ColdStartBenchmark().train(app, dir, "app.jsa", true);
		List<String> image = List.of("-XX:SharedArchiveFile=" + archive, "-Dspring.aot.enabled=true", "-jar",
				app.toString());
		try (AppProcess sim = AppProcess.simulator(dir, this.rec.latencyMillis)) {
			this.rec.sim = sim;
			List<Target> targets = this.rec.targets();
			System.out.printf("%nSteady state: %s, sim latency %d ms, %d cores, %s, bot JVM options %s%n",
					this.variants, this.rec.latencyMillis, Runtime.getRuntime().availableProcessors(),
					Runtime.version(), RecBenchmark.DOCKER_JVM_OPTIONS);
			floor();
			List<String> rows = new ArrayList<>();
			for (String variant : this.variants) {
				rows.addAll(variant(variant, image, targets, dir.resolve(variant)));
			}
			System.out.printf("%nSummary (load average before -> after each phase)%n");
			System.out.println("variant | phase | load | requests/s | e2e p50/p99 ms | ack p50/p99/max ms | "
					+ "bot CPU ms/req | +PostgreSQL CPU ms/req | alloc KB/req | DB xact/req | pool checkouts/req "
					+ "| peak RSS MB");
			rows.forEach(System.out::println);
		}
		finally {
			if (this.postgres != null) {
				this.postgres.close();
			}
		}
	}

	/**
	 * The floor of a sequential {@code rec}: four Webex round trips one after the other
	 * (message, meeting, recording list, the details in parallel; the reply counts when
	 * it reaches the simulator), timed from this process against the simulator with the
	 * bot's token, so that it includes what the simulator and the loopback add to each
	 * call's latency.
	 */
	void floor() throws Exception {
		HttpRequest me = HttpRequest.newBuilder(URI.create(this.rec.sim.base + "/sim/v1/people/me"))
			.header("Authorization", "Bearer demo-bot-token")
			.build();
		List<Long> rounds = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			long start = System.nanoTime();
			for (int call = 0; call < 4; call++) {
				HttpResponse<Void> response = this.rec.http.send(me, HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() != 200) {
					throw new IllegalStateException("GET /people/me answered " + response.statusCode());
				}
			}
			if (i >= 10) {
				rounds.add(System.nanoTime() - start);
			}
		}
		List<Long> sorted = RecBenchmark.sorted(rounds);
		System.out.printf("floor: 4 sequential simulator calls p50 %.1f ms, p90 %.1f ms (load %s)%n",
				RecBenchmark.pct(sorted, 50) / 1e6, RecBenchmark.pct(sorted, 90) / 1e6, load());
	}

	/** One variant: its bots started, warmed up, measured, profiled, stopped. */
	List<String> variant(String variant, List<String> image, List<Target> targets, Path dir) throws Exception {
		Files.createDirectories(dir);
		int replicas = variant.endsWith("-2") ? 2 : 1;
		Map<String, String> db = new LinkedHashMap<>();
		String database = null;
		if (variant.startsWith("postgres")) {
			database = "bench_" + variant.replaceAll("[^a-z0-9]", "_");
			db = postgres(database);
		}
		List<AppProcess> bots = new ArrayList<>();
		List<String> rows = new ArrayList<>();
		try {
			for (int i = 0; i < replicas; i++) {
				bots.add(startBot(image, dir.resolve("replica-" + i), db, "bench-" + i));
			}
			System.out.printf("%n== %s: %d bot(s), pids %s, load %s%n", variant, replicas,
					bots.stream().map((b) -> b.process.pid()).toList(), ColdStartBenchmark.loadAverage());
			Phase warm = phase("warm-up", bots, database, targets, this.warmup, this.rec.concurrency);
			print(variant, warm);
			if (replicas == 1) {
				Phase sequential = phase("sequential", bots, database, targets, this.rec.sequentialRequests, 1);
				rows.add(print(variant, sequential));
			}
			Phase steady = phase("C=" + this.rec.concurrency, bots, database, targets, this.rec.concurrentRequests,
					this.rec.concurrency);
			rows.add(print(variant, steady));
			if (this.profiled.contains(variant)) {
				profile(variant, bots.get(0), dir, targets);
			}
			for (AppProcess bot : bots) {
				System.out.printf("audit decisions of %s: %s%n", bot.log.getParent().getFileName(),
						RecBenchmark.decisions(bot.log.getParent().resolve("log")));
			}
		}
		finally {
			for (AppProcess bot : bots) {
				bot.close();
			}
		}
		return rows;
	}

	/**
	 * A fresh database in the (one) embedded PostgreSQL; the bot's datasource settings.
	 */
	Map<String, String> postgres(String database) throws Exception {
		if (this.postgres == null) {
			this.postgres = EmbeddedPostgres.start();
		}
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + database);
		}
		return Map.of("SPRING_DATASOURCE_URL", this.postgres.getJdbcUrl("postgres", database),
				"SPRING_DATASOURCE_USERNAME", "postgres", "SPRING_DATASOURCE_PASSWORD", "");
	}

	/** The jar as the image runs it, its Webex the simulator. */
	AppProcess startBot(List<String> image, Path dir, Map<String, String> db, String instance) throws Exception {
		Files.createDirectories(dir);
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path log = dir.resolve("bot.log");
		ProcessBuilder builder = new ProcessBuilder(ColdStartBenchmark.command(jvmArgs(image)))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(ColdStartBenchmark.imageEnvironment(dir, port));
		// the benchmark's rules (rate limits out of the way), not the image's sample
		builder.environment()
			.put("CFG_FILE_PATH", AppProcess.config(Files.createDirectories(dir.resolve("rules"))).toString());
		builder.environment().put("WEBEX_API_BASE_URL", this.rec.sim.base + "/sim/v1");
		builder.environment().put("BOT_INSTANCE_ID", instance);
		builder.environment().putAll(db);
		return AppProcess.started(builder.start(), "http://localhost:" + port, log);
	}

	/**
	 * {@code bench.steady.jvm-args} (extra options, e.g. a JFR recording) before the
	 * image's.
	 */
	static List<String> jvmArgs(List<String> image) {
		List<String> args = new ArrayList<>();
		String extra = System.getProperty("bench.steady.jvm-args", "").trim();
		if (!extra.isEmpty()) {
			args.addAll(List.of(extra.split("\\s+")));
		}
		args.addAll(image);
		return args;
	}

	/**
	 * Sends {@code requests} webhooks at {@code concurrency}, spread round robin over the
	 * bots, each worker waiting for its reply; counts what the bots (and PostgreSQL)
	 * spent.
	 */
	Phase phase(String name, List<AppProcess> bots, String database, List<Target> targets, int requests,
			int concurrency) throws Exception {
		return phase(name, bots, database, targets, requests, concurrency, true);
	}

	/**
	 * {@code scrape}: read the bots' metrics before and after (each read checks the
	 * operator's password, a BCrypt hash: kept out of profiles).
	 */
	Phase phase(String name, List<AppProcess> bots, String database, List<Target> targets, int requests,
			int concurrency, boolean scrape) throws Exception {
		String loadBefore = load();
		Map<String, Double> metricsBefore = scrape ? metrics(bots) : Map.of();
		long xactBefore = transactions(database);
		long pgCpuBefore = postgresCpuMillis();
		long cpuBefore = cpuMillis(bots);
		Load load = this.rec.drive(targets, requests, concurrency, (i) -> bots.get(i % bots.size()).base);
		long cpu = cpuMillis(bots) - cpuBefore;
		long pgCpu = postgresCpuMillis() - pgCpuBefore;
		long xact = transactions(database) - xactBefore;
		Map<String, Double> metricsAfter = scrape ? metrics(bots) : Map.of();
		Map<String, Double> delta = new TreeMap<>();
		metricsAfter.forEach((key, value) -> delta.put(key, value - metricsBefore.getOrDefault(key, 0.0)));
		long peakRss = 0;
		for (AppProcess bot : bots) {
			peakRss = Math.max(peakRss, bot.status("VmHWM") / 1024);
		}
		return new Phase(name, requests, load.elapsedNanos(), RecBenchmark.sorted(load.endToEnd()),
				RecBenchmark.sorted(load.acks()), cpu, (database != null) ? pgCpu : -1, delta,
				(database != null) ? xact : -1, peakRss, loadBefore + " -> " + load());
	}

	String print(String variant, Phase p) {
		double seconds = p.elapsedNanos() / 1e9;
		double perRequest = 1.0 / p.requests();
		double allocated = p.metrics().getOrDefault("jvm_gc_memory_allocated_bytes_total", 0.0);
		double checkouts = p.metrics().getOrDefault("hikaricp_connections_acquire_seconds_count", 0.0);
		String row = String.format(
				"%s | %s | %s | %.1f | %d / %d | %.1f / %.1f / %.1f | %.2f | %s | %.0f | %s | %.2f | %d", variant,
				p.name(), p.load(), p.requests() / seconds, RecBenchmark.ms(p.endToEnd(), 50),
				RecBenchmark.ms(p.endToEnd(), 99), RecBenchmark.pct(p.acks(), 50) / 1e6,
				RecBenchmark.pct(p.acks(), 99) / 1e6, RecBenchmark.pct(p.acks(), 100) / 1e6, p.cpuMillis() * perRequest,
				(p.postgresCpuMillis() < 0) ? "-" : String.format("%.2f", p.postgresCpuMillis() * perRequest),
				allocated * perRequest / 1024,
				(p.transactions() < 0) ? "-" : String.format("%.2f", p.transactions() * perRequest),
				checkouts * perRequest, p.peakRssMb());
		System.out.println("  " + row);
		return row;
	}

	/**
	 * Another run at C with a JFR recording of the first bot (started and stopped by
	 * {@code jcmd}, so the measured phases carry no profiler), summarized by thread, by
	 * innermost frame, by innermost frame of ours, and allocation by innermost frame of
	 * ours.
	 */
	void profile(String variant, AppProcess bot, Path dir, List<Target> targets) throws Exception {
		Path recording = dir.resolve("steady.jfr");
		jcmd(bot, "JFR.start", "name=steady", "settings=" + settings(dir), "filename=" + recording);
		Phase profiled = phase("profiled C=" + this.rec.concurrency, List.of(bot), null, targets, this.profileRequests,
				this.rec.concurrency, false);
		jcmd(bot, "JFR.stop", "name=steady");
		print(variant, profiled);
		System.out.println(JfrSummary.of(recording));
	}

	/**
	 * JFR's {@code profile} settings with Java code sampled every millisecond instead of
	 * every 10 ms: a run of a few thousand requests gives a few thousand samples.
	 */
	static Path settings(Path dir) throws IOException {
		String profile = Files.readString(Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc"));
		String oneMillisecond = profile.replace(
				"<setting name=\"period\" control=\"method-sampling-java-interval\">10 ms</setting>",
				"<setting name=\"period\" control=\"method-sampling-java-interval\">1 ms</setting>");
		if (oneMillisecond.equals(profile)) {
			throw new IllegalStateException("profile.jfc has no 10 ms Java sampling period to change");
		}
		return Files.writeString(dir.resolve("steady.jfc"), oneMillisecond);
	}

	static void jcmd(AppProcess bot, String... command) throws Exception {
		List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				String.valueOf(bot.process.pid())));
		args.addAll(List.of(command));
		Process jcmd = new ProcessBuilder(args).redirectErrorStream(true).start();
		String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (jcmd.waitFor() != 0) {
			throw new IllegalStateException("jcmd " + List.of(command) + " failed: " + out);
		}
	}

	static long cpuMillis(List<AppProcess> bots) throws IOException {
		long sum = 0;
		for (AppProcess bot : bots) {
			sum += bot.cpuMillis();
		}
		return sum;
	}

	/**
	 * The counters this benchmark reads from {@code /actuator/prometheus}, summed over
	 * the bots.
	 */
	Map<String, Double> metrics(List<AppProcess> bots) throws Exception {
		Map<String, Double> sums = new TreeMap<>();
		String auth = "Basic "
				+ Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
		for (AppProcess bot : bots) {
			HttpResponse<String> response = this.rec.http
				.send(HttpRequest.newBuilder(URI.create(bot.base + "/actuator/prometheus"))
					.header("Authorization", auth)
					.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("/actuator/prometheus answered " + response.statusCode());
			}
			for (String line : response.body().split("\n")) {
				for (String name : List.of("jvm_gc_memory_allocated_bytes_total",
						"hikaricp_connections_acquire_seconds_count", "process_cpu_time_seconds_total")) {
					if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
						sums.merge(name, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
					}
				}
			}
		}
		return sums;
	}

	/** Committed plus rolled-back transactions of the database so far (0 for H2). */
	long transactions(String database) throws Exception {
		if (database == null || this.postgres == null) {
			return 0;
		}
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			// the statistics collector reports with a delay of up to 500 ms
			statement.execute("SELECT pg_stat_clear_snapshot()");
			Thread.sleep(600);
			try (ResultSet rs = statement.executeQuery(
					"SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '" + database + "'")) {
				return rs.next() ? rs.getLong(1) : -1;
			}
		}
	}

	/**
	 * CPU time of the embedded PostgreSQL: its postmaster and the backends alive now (the
	 * bots' pooled connections live as long as the bots).
	 */
	long postgresCpuMillis() throws IOException {
		if (this.postgres == null) {
			return 0;
		}
		String port = "-p " + this.postgres.getPort();
		long postmaster = -1;
		List<long[]> processes = new ArrayList<>();
		try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
			for (Path entry : entries.filter((p) -> p.getFileName().toString().matches("[0-9]+")).toList()) {
				try {
					String cmdline = Files.readString(entry.resolve("cmdline")).replace('\0', ' ');
					String stat = Files.readString(entry.resolve("stat"));
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					long pid = Long.parseLong(entry.getFileName().toString());
					if (cmdline.contains("postgres") && cmdline.contains(port + " ")) {
						postmaster = pid;
					}
					processes.add(new long[] { pid, Long.parseLong(fields[1]),
							(Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10 });
				}
				catch (IOException | RuntimeException ex) {
					// ended meanwhile, or not ours to read
				}
			}
		}
		long sum = 0;
		for (long[] p : processes) {
			if (p[0] == postmaster || p[1] == postmaster) {
				sum += p[2];
			}
		}
		return sum;
	}

	static String load() {
		String load = ColdStartBenchmark.loadAverage();
		return load.substring(0, load.indexOf(' '));
	}

	record Phase(String name, int requests, long elapsedNanos, List<Long> endToEnd, List<Long> acks, long cpuMillis,
			long postgresCpuMillis, Map<String, Double> metrics, long transactions, long peakRssMb, String load) {
	}

}
