package org.campaignengine.api.console;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs a {@link BrowserTest} suite where Chromium is installed; skips it elsewhere unless CI requires it. */
final class BrowserCondition implements ExecutionCondition {

    static final String REQUIRE = "CAMPAIGN_TEST_REQUIRE_BROWSER";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String missing = Browser.missing();
        if (missing == null) {
            return ConditionEvaluationResult.enabled("Chromium and chromedriver found");
        }
        String how = missing + ": install Debian's chromium and chromium-driver (as .ci/run does), or point "
                + Browser.CHROMIUM + " and " + Browser.CHROMEDRIVER + " at them";
        if (Boolean.parseBoolean(System.getenv(REQUIRE))) {
            throw new IllegalStateException("browser suites are required (" + REQUIRE + "=true) but " + how);
        }
        System.out.println("Browser suite SKIPPED: " + context.getDisplayName() + " (" + how + ")");
        return ConditionEvaluationResult.disabled("Browser suite SKIPPED (" + how + ")");
    }
}
