package org.campaignengine.testsupport;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says at the end of a module's test run which PostgreSQL suites were skipped and why, so that a green
 * build without PostgreSQL does not pass for a complete one. Registered with the JUnit Platform through
 * {@code META-INF/services}. It writes to the process's own standard error, not {@code System.err}:
 * Surefire sends what tests print to report files ({@code redirectTestOutputToFile}), while the test
 * JVM's standard error reaches the Maven console.
 */
public final class PostgresSkipReport implements TestExecutionListener {

    private final PrintStream out;
    private final Map<String, Long> skippedTests = new TreeMap<>();
    private TestPlan plan;
    private String reason;

    public PostgresSkipReport() {
        this(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    }

    PostgresSkipReport(PrintStream out) {
        this.out = out;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        skippedTests.clear();
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String why) {
        if (why == null || !why.startsWith(PostgresCondition.SKIPPED)) {
            return;
        }
        long tests = identifier.isTest() ? 1
                : plan.getDescendants(identifier).stream().filter(TestIdentifier::isTest).count();
        skippedTests.merge(className(identifier), tests, Long::sum);
        reason = why.substring(PostgresCondition.SKIPPED.length());
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (skippedTests.isEmpty()) {
            return;
        }
        long tests = skippedTests.values().stream().mapToLong(Long::longValue).sum();
        out.println("PostgreSQL suites SKIPPED: " + tests + " tests in " + String.join(", ", skippedTests.keySet()));
        out.println("PostgreSQL suites SKIPPED because " + reason);
        out.println("PostgreSQL suites SKIPPED: with " + PostgresCondition.REQUIRE_VARIABLE
                + "=true (as in CI) they fail instead");
        out.flush();
    }

    private static String className(TestIdentifier identifier) {
        return identifier.getSource()
                .filter(ClassSource.class::isInstance)
                .map(source -> ((ClassSource) source).getClassName())
                .map(name -> name.substring(name.lastIndexOf('.') + 1))
                .orElse(identifier.getDisplayName());
    }
}
