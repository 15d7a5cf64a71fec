package org.campaignengine.api.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A suite that drives a real Chromium ({@link Browser}). Without Chromium and its driver it is skipped,
 * saying how to install them; with {@code CAMPAIGN_TEST_REQUIRE_BROWSER=true} (CI) it fails instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BrowserCondition.class)
@interface BrowserTest {
}
