package org.campaignengine.api;

import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import sun.misc.Signal;

/**
 * SIGTERM (a service manager, {@code docker stop}, Kubernetes, {@code mvn spring-boot:run} stopping its
 * application) and SIGINT (Ctrl-C) close the engine as the JVM's own handling of them would: live streams
 * end, the web server stops taking requests and lets those in flight finish, the event processors and the
 * scheduler stop, the store closes. The process then exits with the status of that close, 0 when it
 * closed cleanly, where the JVM would exit with 128 + the signal's number (143, 130) however cleanly it
 * stopped, which {@code spring-boot:run} reports as a failed build and a service manager as a failure.
 */
final class StopSignals {

    private StopSignals() {
    }

    /** From now on SIGTERM and SIGINT close {@code context} and exit with its status. */
    static void exitCleanlyOn(ConfigurableApplicationContext context) {
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), signal -> System.exit(SpringApplication.exit(context)));
            } catch (IllegalArgumentException reserved) {
                // The JVM keeps the signal (-Xrs) or the platform has none: its own handling stays.
            }
        }
    }
}
