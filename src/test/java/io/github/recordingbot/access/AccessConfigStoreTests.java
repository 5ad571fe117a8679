package io.github.recordingbot.access;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.github.recordingbot.BotProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.recordingbot.access.AccessConfigStore.ReloadStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Loading and hot reload of config.json by {@link AccessConfigStore}, on real files in a
 * temporary directory.
 */
@ExtendWith(OutputCaptureExtension.class)
class AccessConfigStoreTests {

	private static final String EXAMPLE_COM = "{\"approved_domains\": [\"example.com\"]}";

	private static final String CISCO_COM = "{\"approved_domains\": [\"cisco.com\"]}";

	private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

	@TempDir
	Path dir;

	private AccessConfigStore store;

	@AfterEach
	void destroyStore() {
		if (this.store != null) {
			this.store.destroy();
		}
	}

	@Test
	void validFileIsLoadedAtStartup() throws IOException {
		Path file = write(this.dir.resolve("config.json"), EXAMPLE_COM);
		this.store = store(file, Clock.fixed(NOW, ZoneOffset.UTC));
		assertThat(this.store.current().approvedDomains()).containsExactly("example.com");
		assertThat(this.store.status()).isEqualTo(new ReloadStatus(file, true, NOW, NOW, null, List.of(), 0, 1));
	}

	@Test
	void missingFileAtStartupDeniesAllAndExplainsTheFix(CapturedOutput output) {
		Path file = this.dir.resolve("absent").resolve("config.json");
		this.store = store(file, Clock.fixed(NOW, ZoneOffset.UTC));
		assertThat(this.store.current()).isEqualTo(AccessConfig.denyAll());
		assertThat(this.store.status()).isEqualTo(
				new ReloadStatus(file, false, NOW, null, "config file " + file + " does not exist", List.of(), 0, 0));
		assertThat(output).contains("WARN", file.toString(), "does not exist", "nobody may use the bot",
				"config/config.json");
	}

	@Test
	void invalidFileAtStartupDeniesAll(CapturedOutput output) throws IOException {
		Path file = write(this.dir.resolve("config.json"),
				"{\"approved_domains\": [\"example.com\"], \"max_days_back\": 0}");
		this.store = store(file);
		assertThat(this.store.current()).isEqualTo(AccessConfig.denyAll());
		assertThat(this.store.status().loadedOk()).isFalse();
		assertThat(this.store.status().lastError()).contains("max_days_back must be an integer between 1 and 365");
		assertThat(output).contains("WARN", "max_days_back", "config/config.json");
	}

	@Test
	void emptyListsAtStartupWarnThatNobodyIsApproved(CapturedOutput output) throws IOException {
		this.store = store(write(this.dir.resolve("config.json"), "{\"approved_users\": [], \"typo\": 1}"));
		assertThat(this.store.status().loadedOk()).isTrue();
		assertThat(this.store.status().warnings()).singleElement().asString().contains("\"typo\"");
		assertThat(output).contains("approves nobody", "unknown key \"typo\"");
	}

	@Test
	void validEditIsAppliedByReloadNow() throws IOException {
		Path file = write(this.dir.resolve("config.json"), EXAMPLE_COM);
		this.store = store(file);
		assertThat(this.store.reloadNow()).isFalse();
		write(file, CISCO_COM);
		assertThat(this.store.reloadNow()).isTrue();
		assertThat(this.store.current().approvedDomains()).containsExactly("cisco.com");
		assertThat(this.store.reloadNow()).isFalse();
	}

	@Test
	void editKeepingSizeAndModifiedTimeIsApplied() throws IOException {
		Path file = write(this.dir.resolve("config.json"), "{\"approved_domains\": [\"aaaa.com\"]}");
		FileTime modified = Files.getLastModifiedTime(file);
		this.store = store(file);
		write(file, "{\"approved_domains\": [\"bbbb.com\"]}");
		Files.setLastModifiedTime(file, modified);
		assertThat(this.store.reloadNow()).isTrue();
		assertThat(this.store.current().approvedDomains()).containsExactly("bbbb.com");
	}

	@Test
	void invalidEditKeepsLastGoodRulesAndReportsWhy(CapturedOutput output) throws IOException {
		Path file = write(this.dir.resolve("config.json"), EXAMPLE_COM);
		this.store = store(file);
		AccessConfig good = this.store.current();
		Instant loaded = this.store.status().lastSuccess();
		write(file, "{\"approved_domains\": [\"cisco.com\"");
		assertThat(this.store.reloadNow()).isFalse();
		assertThat(this.store.current()).isSameAs(good);
		ReloadStatus status = this.store.status();
		assertThat(status.loadedOk()).isFalse();
		assertThat(status.lastSuccess()).isEqualTo(loaded);
		assertThat(status.lastError()).contains(file.toString(), "is not valid JSON");
		assertThat(status.approvedDomains()).isEqualTo(1);
		assertThat(output).contains("keeping the rules loaded at " + loaded);
		write(file, CISCO_COM);
		assertThat(this.store.reloadNow()).isTrue();
		assertThat(this.store.status().loadedOk()).isTrue();
		assertThat(this.store.status().lastError()).isNull();
	}

	@Test
	void deletedFileKeepsLastGoodRules() throws IOException {
		Path file = write(this.dir.resolve("config.json"), EXAMPLE_COM);
		this.store = store(file);
		Files.delete(file);
		assertThat(this.store.reloadNow()).isFalse();
		assertThat(this.store.current().approvedDomains()).containsExactly("example.com");
		assertThat(this.store.status().lastError()).endsWith("does not exist");
	}

	@Test
	void configMapSymlinkSwapIsApplied() throws IOException {
		Path file = kubernetesConfigMap();
		this.store = store(file);
		assertThat(this.store.current().approvedDomains()).containsExactly("example.com");
		swapConfigMapTo("..2026_03_01_10_16_00.2");
		assertThat(this.store.reloadNow()).isTrue();
		assertThat(this.store.current().approvedDomains()).containsExactly("cisco.com");
	}

	@Test
	void watcherAppliesEditsWithinSeconds() throws IOException {
		Path file = write(this.dir.resolve("config.json"), EXAMPLE_COM);
		this.store = store(file);
		this.store.start();
		assertThat(this.store.isRunning()).isTrue();
		write(file, CISCO_COM);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.store.current().approvedDomains()).containsExactly("cisco.com"));
		this.store.stop();
		assertThat(this.store.isRunning()).isFalse();
	}

	@Test
	void watcherAppliesConfigMapSymlinkSwap() throws IOException {
		Path file = kubernetesConfigMap();
		this.store = store(file);
		this.store.start();
		swapConfigMapTo("..2026_03_01_10_16_00.2");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.store.current().approvedDomains()).containsExactly("cisco.com"));
	}

	// The layout kubelet writes: config.json -> ..data/config.json, ..data -> a
	// timestamped directory.
	private Path kubernetesConfigMap() throws IOException {
		write(this.dir.resolve("..2026_03_01_10_15_30.1").resolve("config.json"), EXAMPLE_COM);
		write(this.dir.resolve("..2026_03_01_10_16_00.2").resolve("config.json"), CISCO_COM);
		Files.createSymbolicLink(this.dir.resolve("..data"), Path.of("..2026_03_01_10_15_30.1"));
		return Files.createSymbolicLink(this.dir.resolve("config.json"), Path.of("..data", "config.json"));
	}

	// kubelet swaps by renaming a new symlink over ..data, which is atomic.
	private void swapConfigMapTo(String version) throws IOException {
		Path next = Files.createSymbolicLink(this.dir.resolve("..data_tmp"), Path.of(version));
		Files.move(next, this.dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE,
				StandardCopyOption.REPLACE_EXISTING);
	}

	private static Path write(Path file, String json) throws IOException {
		Files.createDirectories(file.getParent());
		return Files.writeString(file, json);
	}

	private static AccessConfigStore store(Path file) {
		return store(file, null);
	}

	private static AccessConfigStore store(Path file, Clock clock) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory(
				(clock != null) ? Map.of("clock", clock) : Map.of());
		ObjectProvider<Clock> clockProvider = beans.getBeanProvider(Clock.class);
		return new AccessConfigStore(BotProperties.defaults().withConfigFile(file),
				new AccessProperties(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMinutes(10)),
				clockProvider);
	}

}
