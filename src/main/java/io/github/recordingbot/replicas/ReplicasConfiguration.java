package io.github.recordingbot.replicas;

import java.time.Clock;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database the features ask when they choose between a per-process and a shared
 * implementation, each replica's heartbeat, and the locks of the scheduled jobs
 * ({@code @SchedulerLock}): each runs on one replica at a time. On the H2 file, which one
 * process opens, the lock costs one update per run and changes nothing.
 *
 * <p>
 * The jobs hold their lock only while they run ({@code lockAtLeastFor} is zero): each one
 * reads the state it acts on first (is the token due, is a webhook inactive, is a file
 * expired), so a replica that runs a job just after another finds nothing left to do. The
 * lock keeps two runs from overlapping, e.g. two refreshes of one token.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class ReplicasConfiguration {

	/** Without the status feature (a test slice): the heartbeat says nothing more. */
	private static final SelfReport UNKNOWN = new SelfReport() {

		@Override
		public String mode() {
			return "unknown";
		}

		@Override
		public String health() {
			return "unknown";
		}

	};

	@Bean
	Database database(DataSource dataSource) {
		return Database.of(dataSource);
	}

	@Bean
	Heartbeats heartbeats(JdbcTemplate jdbc, Clock clock, Database database, Environment environment) {
		String configured = environment.getProperty(InstanceIdDefault.KEY, "").trim();
		String self = configured.isEmpty() ? InstanceIdDefault.fromHostName(InstanceIdDefault.hostName()) : configured;
		return new Heartbeats(jdbc, clock, self.isEmpty() ? "bot" : self, database.sharedByReplicas());
	}

	@Bean
	HeartbeatJob heartbeatJob(Heartbeats heartbeats, ObjectProvider<SelfReport> report, Clock clock) {
		return new HeartbeatJob(heartbeats, report.getIfAvailable(() -> UNKNOWN), clock);
	}

	@Bean
	LockProvider schedulerLocks(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

}
