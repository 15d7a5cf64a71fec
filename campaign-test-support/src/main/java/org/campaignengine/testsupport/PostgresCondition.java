package org.campaignengine.testsupport;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one place that decides whether a {@link PostgresTest} runs. Without a server its class is skipped
 * as a whole (reported, with the count, by {@link PostgresSkipReport}), or, with
 * {@value #REQUIRE_VARIABLE}{@code =true}, fails: an environment variable, so that CI runs exactly the
 * README's test command.
 */
public final class PostgresCondition implements ExecutionCondition {

    public static final String REQUIRE_VARIABLE = "CAMPAIGN_TEST_REQUIRE_POSTGRES";
    /** How every skip reason of these suites begins, which is how the report recognises them. */
    static final String SKIPPED = "PostgreSQL suite skipped: ";
    static final String HOW_TO_RUN = "start PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth), or set "
            + PostgresServer.URL_VARIABLE + " to a JDBC URL with credentials, or run Docker";

    private final Supplier<PostgresServer> server;
    private final boolean required;

    public PostgresCondition() {
        this(PostgresServer::get, "true".equalsIgnoreCase(System.getenv(REQUIRE_VARIABLE)));
    }

    PostgresCondition(Supplier<PostgresServer> server, boolean required) {
        this.server = server;
        this.required = required;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        PostgresServer found = server.get();
        if (found.available()) {
            return ConditionEvaluationResult.enabled("PostgreSQL at " + found.description());
        }
        if (required) {
            throw new IllegalStateException("PostgreSQL is required (" + REQUIRE_VARIABLE + "=true) but "
                    + found.description() + "; " + HOW_TO_RUN);
        }
        return ConditionEvaluationResult.disabled(SKIPPED + found.description() + "; to run it, " + HOW_TO_RUN);
    }
}
