package org.campaignengine.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/** The condition looks only at the server it is given, never at the test's context (passed as null). */
class PostgresConditionTest {

    private static final PostgresServer FOUND = new PostgresServer("jdbc:postgresql://db:5432/postgres", "db:5432");
    private static final PostgresServer NONE = PostgresServer.absent("no server answers at 127.0.0.1:5432");

    @Test
    void a_suite_runs_when_a_server_is_found() {
        ConditionEvaluationResult result = new PostgresCondition(() -> FOUND, true).evaluateExecutionCondition(null);

        assertThat(result.isDisabled()).isFalse();
    }

    @Test
    void without_a_server_a_suite_is_skipped_saying_why_and_how_to_run_it() {
        ConditionEvaluationResult result = new PostgresCondition(() -> NONE, false).evaluateExecutionCondition(null);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith(PostgresCondition.SKIPPED)
                .contains("no server answers at 127.0.0.1:5432", "CAMPAIGN_TEST_POSTGRES_URL"));
    }

    @Test
    void without_a_server_a_suite_fails_when_postgresql_is_required() {
        PostgresCondition required = new PostgresCondition(() -> NONE, true);

        assertThatIllegalStateException().isThrownBy(() -> required.evaluateExecutionCondition(null))
                .withMessageContaining("CAMPAIGN_TEST_REQUIRE_POSTGRES=true")
                .withMessageContaining("no server answers at 127.0.0.1:5432");
    }
}
