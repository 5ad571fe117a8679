package io.github.recordingbot.replicas;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * The database the bot keeps its state in: an embedded H2 file (one process: state that
 * may be lost stays in memory) or PostgreSQL (possibly shared by several replicas: the
 * state they must agree on goes to the database).
 *
 * @param driver H2 or PostgreSQL, the two the migrations exist for
 */
public record Database(DatabaseDriver driver) {

	public Database {
		if (driver != DatabaseDriver.H2 && driver != DatabaseDriver.POSTGRESQL) {
			throw new IllegalStateException("The bot supports H2 and PostgreSQL, but spring.datasource.url "
					+ "(SPRING_DATASOURCE_URL) points to " + driver);
		}
	}

	/** Whether replicas may share this database, and so must share their state in it. */
	public boolean sharedByReplicas() {
		return this.driver == DatabaseDriver.POSTGRESQL;
	}

	/** The database behind a data source, as its driver names it. */
	public static Database of(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return new Database(DatabaseDriver.fromProductName(connection.getMetaData().getDatabaseProductName()));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot reach the database of spring.datasource.url", ex);
		}
	}

}
