package io.github.recordingbot.replicas;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database the features ask when they choose between a per-process and a shared
 * implementation.
 */
@Configuration(proxyBeanMethods = false)
class ReplicasConfiguration {

	@Bean
	Database database(DataSource dataSource) {
		return Database.of(dataSource);
	}

}
