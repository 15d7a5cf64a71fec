package org.campaignengine.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A slow test class that runs engines or database servers as processes of their own (two nodes, a crash,
 * an outage, the smoke benchmark). Tagged {@value #TAG}: {@code mvn verify} leaves these suites out, so a
 * contributor's run stays short, and {@code mvn verify -Pslow}, which CI always runs, includes them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(MultiProcess.TAG)
public @interface MultiProcess {

    String TAG = "multi-process";
}
