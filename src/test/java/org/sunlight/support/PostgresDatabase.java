package org.sunlight.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh database on the real PostgreSQL server at 127.0.0.1:5432 for one test class, so runs
 * never see each other's data, dropped when the run ends ({@link TestDatabasesDropped}). Missing
 * server: the class skips ({@link PostgresTest}), or fails when CI requires it.
 */
public final class PostgresDatabase {

	public static final String HOST_URL = System.getProperty("sunlight.postgres.url", "jdbc:postgresql://127.0.0.1:5432/");
	public static final String USER = System.getProperty("sunlight.postgres.user", "postgres");

	private static final Pattern TEST_DATABASE = Pattern.compile("sunlight_[a-z_]+?_(\\d{10})_[0-9a-f]{8}");

	private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

	private PostgresDatabase() {
	}

	/** Creates an empty database and returns its JDBC URL; databases of runs over an hour old go. */
	public static String create(String prefix) {
		long now = Instant.now().getEpochSecond();
		String name = prefix + "_" + now + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		try (Connection connection = DriverManager.getConnection(HOST_URL + "postgres", USER, "");
				Statement statement = connection.createStatement()) {
			dropOldDatabases(statement, now - 3600);
			statement.execute("create database " + name);
			CREATED.add(name);
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

	/** Points the Spring context under test at a fresh database; returns its JDBC URL. */
	public static String register(DynamicPropertyRegistry registry, String prefix) {
		String url = create(prefix);
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> USER);
		registry.add("spring.datasource.password", () -> "");
		return url;
	}

	/** Drops every database this run created, closing what still holds a connection to it. */
	static void dropCreated() {
		if (CREATED.isEmpty()) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(HOST_URL + "postgres", USER, "");
				Statement statement = connection.createStatement()) {
			for (String database : CREATED) {
				try {
					statement.execute("drop database if exists " + database + " with (force)");
				}
				catch (SQLException ex) {
					System.out.println("could not drop test database " + database + ": " + ex.getMessage());
				}
			}
			CREATED.clear();
		}
		catch (SQLException ex) {
			System.out.println("could not drop the test databases: " + ex.getMessage());
		}
	}

	private static void dropOldDatabases(Statement statement, long before) throws SQLException {
		List<String> old = new ArrayList<>();
		try (ResultSet rs = statement.executeQuery("select datname from pg_database where datname like 'sunlight%'")) {
			while (rs.next()) {
				Matcher matcher = TEST_DATABASE.matcher(rs.getString(1));
				if (matcher.matches() && Long.parseLong(matcher.group(1)) < before) {
					old.add(rs.getString(1));
				}
			}
		}
		for (String database : old) {
			try {
				statement.execute("drop database if exists " + database);
			}
			catch (SQLException ex) {
				// still in use by a test that runs long; a later run drops it
			}
		}
	}

}
