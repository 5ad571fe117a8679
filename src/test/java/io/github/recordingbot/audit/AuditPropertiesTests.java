package io.github.recordingbot.audit;

import java.nio.file.Path;

import io.github.recordingbot.BotProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class AuditPropertiesTests {

	@TempDir
	Path dir;

	final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(AuditConfig.class);

	@Test
	void bindWhenNothingSetThenTenMegabytesAndFsync() {
		this.runner.withPropertyValues("bot.log-dir=" + this.dir).run((context) -> {
			assertThat(context).hasNotFailed();
			AuditProperties properties = context.getBean(AuditProperties.class);
			assertThat(properties.maxFileSize()).isEqualTo(DataSize.ofMegabytes(10));
			assertThat(properties.fsync()).isTrue();
			assertThat(properties.retention()).isEqualTo(java.time.Duration.ofDays(365));
			assertThat(properties.maxFiles()).isZero();
		});
	}

	@Test
	void bindWhenRetentionUnderADayThenFailsNamingTheKey() {
		this.runner.withPropertyValues("bot.log-dir=" + this.dir, "bot.audit.retention=12h")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("bot.audit.retention"));
	}

	@Test
	void bindWhenMaxFilesNegativeThenFailsNamingTheKey() {
		this.runner.withPropertyValues("bot.log-dir=" + this.dir, "bot.audit.max-files=-1")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("bot.audit.max-files"));
	}

	@Test
	void bindWhenSetThenUsesValuesAndWiresTheLogWithoutAClockBean() {
		this.runner
			.withPropertyValues("bot.log-dir=" + this.dir, "bot.audit.max-file-size=200KB", "bot.audit.fsync=false")
			.run((context) -> {
				assertThat(context.getBean(AuditProperties.class).maxFileSize()).isEqualTo(DataSize.ofKilobytes(200));
				assertThat(context.getBean(AuditProperties.class).fsync()).isFalse();
				assertThat(context).hasSingleBean(AuditLog.class);
				context.getBean(AuditLog.class)
					.write(JsonLinesAuditLogTests.record(1, AuditRecord.Decision.DENIED, "1", null, "a@example.com"));
				assertThat(this.dir.resolve(AuditFile.ACTIVE_NAME)).exists();
			});
	}

	@Test
	void bindWhenInstanceIdSetThenTheAuditFileNamesIt() {
		this.runner.withPropertyValues("bot.log-dir=" + this.dir, "bot.instance-id=bot-1").run((context) -> {
			context.getBean(AuditLog.class)
				.write(JsonLinesAuditLogTests.record(1, AuditRecord.Decision.DENIED, "1", null, "a@example.com"));
			assertThat(this.dir.resolve("audit-bot-1.jsonl")).exists();
			assertThat(this.dir.resolve(AuditFile.ACTIVE_NAME)).doesNotExist();
		});
	}

	@Test
	void bindWhenMaxFileSizeNotPositiveThenFailsNamingTheKey() {
		this.runner.withPropertyValues("bot.log-dir=" + this.dir, "bot.audit.max-file-size=0B")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("bot.audit.max-file-size"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ AuditProperties.class, BotProperties.class })
	@Import(JsonLinesAuditLog.class)
	static class AuditConfig {

	}

}
