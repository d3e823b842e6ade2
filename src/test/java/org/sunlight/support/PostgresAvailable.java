package org.sunlight.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Decides once per test run whether the PostgreSQL server answers. A Spring context cannot skip
 * from inside its property sources (the abort becomes a context failure), so the check runs as a
 * condition, before the context is built.
 */
public final class PostgresAvailable implements ExecutionCondition {

	private static volatile String unavailable;

	private static volatile boolean probed;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String why = why();
		if (why == null || RealServices.postgresRequired()) {
			return ConditionEvaluationResult.enabled("PostgreSQL answers, or it is required");
		}
		String reason = why + "; skipping (CI requires it with -Dsunlight.require.postgres=true)";
		context.getTestClass().ifPresent(type -> System.out.println("SKIPPED " + type.getSimpleName() + ": " + reason));
		return ConditionEvaluationResult.disabled(reason);
	}

	private static synchronized String why() {
		if (!probed) {
			DriverManager.setLoginTimeout(3);
			try (Connection ignored = DriverManager.getConnection(PostgresDatabase.HOST_URL + "postgres", PostgresDatabase.USER, "")) {
				unavailable = null;
			}
			catch (SQLException ex) {
				unavailable = "PostgreSQL at " + PostgresDatabase.HOST_URL + " is not available: " + ex.getMessage();
			}
			probed = true;
		}
		return unavailable;
	}

}
