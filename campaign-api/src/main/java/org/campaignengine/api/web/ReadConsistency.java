package org.campaignengine.api.web;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Read-your-writes for clients: a read that names the version it has seen waits, within a bound,
 * until the read model has applied it. Past the bound the client gets 504 and may try again.
 */
final class ReadConsistency {

    private static final long POLL_MILLIS = 20;
    private final Duration timeout;

    ReadConsistency(Duration timeout) {
        this.timeout = timeout;
    }

    <T> Optional<T> await(Supplier<Optional<T>> read, ToLongFunction<T> version, Long minVersion) {
        Optional<T> current = read.get();
        if (minVersion == null) {
            return current;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (current.map(v -> version.applyAsLong(v) < minVersion).orElse(true)) {
            if (System.nanoTime() > deadline) {
                throw new ReadModelBehind(minVersion);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReadModelBehind(minVersion);
            }
            current = read.get();
        }
        return current;
    }

    static final class ReadModelBehind extends RuntimeException {
        final long minVersion;

        ReadModelBehind(long minVersion) {
            super("the read model has not reached version " + minVersion + " yet; try again", null, false, false);
            this.minVersion = minVersion;
        }
    }
}
