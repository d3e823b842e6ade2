package org.sunlight.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Drops the PostgreSQL databases this test run created, when the run ends. */
public final class TestDatabasesDropped implements LauncherSessionListener {

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		PostgresDatabase.dropCreated();
	}

}
