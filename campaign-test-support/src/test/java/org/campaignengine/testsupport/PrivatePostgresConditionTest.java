package org.campaignengine.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/** The condition looks only at whether the server programs were found, never at the test's context (null). */
class PrivatePostgresConditionTest {

    @Test
    void a_suite_runs_when_the_server_programs_are_found() {
        ConditionEvaluationResult result = new PrivatePostgresCondition(() -> true, true)
                .evaluateExecutionCondition(null);

        assertThat(result.isDisabled()).isFalse();
    }

    @Test
    void without_the_server_programs_a_suite_is_skipped_as_a_postgresql_suite_saying_how_to_run_it() {
        ConditionEvaluationResult result = new PrivatePostgresCondition(() -> false, false)
                .evaluateExecutionCondition(null);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith(PostgresCondition.SKIPPED)
                .contains("initdb", "pg_ctl", PostgresBinaries.BIN_VARIABLE));
    }

    @Test
    void without_the_server_programs_a_suite_fails_when_postgresql_is_required() {
        PrivatePostgresCondition required = new PrivatePostgresCondition(() -> false, true);

        assertThatIllegalStateException().isThrownBy(() -> required.evaluateExecutionCondition(null))
                .withMessageContaining("CAMPAIGN_TEST_REQUIRE_POSTGRES=true")
                .withMessageContaining(PostgresBinaries.BIN_VARIABLE);
    }
}
