package org.campaignengine.api;

import java.util.List;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * A close that fails still ends the process, with status 1: a signal never leaves the engine running. (One
 * seen: the jar replaced under a running engine, so the close could not load the classes it needed; the
 * handler's error ended only its own thread and the engine went on serving.)
 */
final class StopSignals {

    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

    private StopSignals() {
    }

    /** From now on SIGTERM and SIGINT close {@code context} and exit with its status. */
    static void exitCleanlyOn(ConfigurableApplicationContext context) {
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), signal -> System.exit(status(() -> SpringApplication.exit(context))));
            } catch (IllegalArgumentException reserved) {
                // The JVM keeps the signal (-Xrs) or the platform has none: its own handling stays.
            }
        }
    }

    /**
     * The status {@code close} answers, or 1 when it fails in any way: the failure is logged, or printed where
     * logging fails too (classes that can no longer be loaded).
     */
    static int status(IntSupplier close) {
        try {
            return close.getAsInt();
        } catch (Throwable failed) {
            try {
                LOG.error("Closing the engine on a stop signal failed; exiting with status 1", failed);
            } catch (Throwable alsoFailed) {
                failed.printStackTrace();
            }
            return 1;
        }
    }
}
