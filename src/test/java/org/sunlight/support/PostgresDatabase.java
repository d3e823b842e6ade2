package org.sunlight.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database on the real PostgreSQL server at 127.0.0.1:5432 for one test class, so runs
 * never see each other's data. Missing server: the test skips, or fails when CI requires it.
 */
public final class PostgresDatabase {

	public static final String HOST_URL = System.getProperty("sunlight.postgres.url", "jdbc:postgresql://127.0.0.1:5432/");
	public static final String USER = System.getProperty("sunlight.postgres.user", "postgres");

	private PostgresDatabase() {
	}

	/** Creates an empty database and returns its JDBC URL. */
	public static String create(String prefix) {
		String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection connection = DriverManager.getConnection(HOST_URL + "postgres", USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			String why = "PostgreSQL at " + HOST_URL + " is not available: " + ex.getMessage();
			if (RealServices.postgresRequired()) {
				throw new IllegalStateException(why + " (required: -Dsunlight.require.postgres=true)", ex);
			}
			Assumptions.abort(why + "; skipping (CI requires it)");
		}
		return HOST_URL + name;
	}

}
