package org.campaignengine.testsupport;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Whether a {@link PrivatePostgresTest} runs: when the server programs are found. Otherwise its class is
 * skipped (and counted by {@link PostgresSkipReport}, as any PostgreSQL suite), or fails where
 * {@value PostgresCondition#REQUIRE_VARIABLE}{@code =true}.
 */
public final class PrivatePostgresCondition implements ExecutionCondition {

    private final Supplier<Boolean> found;
    private final boolean required;

    public PrivatePostgresCondition() {
        this(() -> PostgresBinaries.find().isPresent(),
                "true".equalsIgnoreCase(System.getenv(PostgresCondition.REQUIRE_VARIABLE)));
    }

    PrivatePostgresCondition(Supplier<Boolean> found, boolean required) {
        this.found = found;
        this.required = required;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (found.get()) {
            return ConditionEvaluationResult.enabled("PostgreSQL server programs found");
        }
        if (required) {
            throw new IllegalStateException("a private PostgreSQL is required (" + PostgresCondition.REQUIRE_VARIABLE
                    + "=true) but there are " + PostgresBinaries.missing());
        }
        return ConditionEvaluationResult.disabled(PostgresCondition.SKIPPED + PostgresBinaries.missing());
    }
}
