package org.campaignengine.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that starts (and stops) a {@link PrivatePostgres} of its own: it runs where PostgreSQL's
 * server programs are installed, and is otherwise skipped, or fails where
 * {@value PostgresCondition#REQUIRE_VARIABLE} is {@code true} (CI). Tagged {@value PostgresTest#TAG}
 * with the other PostgreSQL suites.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(PostgresTest.TAG)
@ExtendWith(PrivatePostgresCondition.class)
public @interface PrivatePostgresTest {
}
