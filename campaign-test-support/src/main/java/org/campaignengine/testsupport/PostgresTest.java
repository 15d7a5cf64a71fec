package org.campaignengine.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that needs PostgreSQL: it runs when {@link PostgresServer} finds a server, and otherwise
 * is skipped, or fails where {@value PostgresCondition#REQUIRE_VARIABLE} is {@code true} (CI). Tagged
 * {@value #TAG}, so {@code mvn verify -Dgroups=postgresql} runs these suites alone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(PostgresTest.TAG)
@ExtendWith(PostgresCondition.class)
public @interface PostgresTest {

    String TAG = "postgresql";
}
