package io.github.recordingbot.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * The application's schema for tests that build components with plain {@code new}: the
 * same Flyway migrations that run at startup ({@code db/migration/{vendor}}).
 */
public final class Schema {

	private Schema() {
	}

	/** Applies the migrations the database lacks. */
	public static void migrate(DataSource dataSource) {
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/" + vendor(dataSource))
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
	}

	private static String vendor(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot tell the database of " + dataSource, ex);
		}
	}

}
