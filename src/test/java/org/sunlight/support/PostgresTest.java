package org.sunlight.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that needs the real PostgreSQL server. Without a server the class is skipped
 * before its Spring context starts, and says why; with {@code -Dsunlight.require.postgres=true}
 * it runs and fails instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresAvailable.class)
public @interface PostgresTest {

}
