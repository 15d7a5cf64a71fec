package org.campaignengine.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs small fixture classes on a launcher of its own and reads what the report prints at the end. */
class PostgresSkipReportTest {

    @Test
    void the_report_counts_every_test_of_a_skipped_suite_and_says_why() {
        String printed = run(WithoutServer.class);

        assertThat(printed)
                .contains("PostgreSQL suites SKIPPED: 2 tests in PostgresSkipReportTest$WithoutServer")
                .contains("because no server in this test")
                .contains("CAMPAIGN_TEST_REQUIRE_POSTGRES=true");
    }

    @Test
    void tests_skipped_for_other_reasons_are_not_reported() {
        assertThat(run(DisabledForAnotherReason.class)).isEmpty();
    }

    private static String run(Class<?> fixture) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PostgresSkipReport report = new PostgresSkipReport(new PrintStream(printed, true, StandardCharsets.UTF_8));
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                .execute(request().selectors(selectClass(fixture)).build(), report);
        return printed.toString(StandardCharsets.UTF_8);
    }

    public static class NoServer implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return new PostgresCondition(() -> PostgresServer.absent("no server in this test"), false)
                    .evaluateExecutionCondition(context);
        }
    }

    @ExtendWith(NoServer.class)
    static class WithoutServer {
        @Test
        void one() {
        }

        @Test
        void two() {
        }
    }

    static class DisabledForAnotherReason {
        @Test
        @Disabled("not about PostgreSQL")
        void one() {
        }
    }
}
