package org.campaignengine.api.readmodels;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import org.campaignengine.api.EngineProperties;
import org.campaignengine.api.web.Problems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Read-your-writes for clients: a read that names the version it has seen waits, within a bound,
 * until the read model has applied it. It waits on the read models' progress (woken when a processor
 * commits a change to the campaign), looking again at least every {@link #RECHECK} for a change
 * committed by another node. Past the bound the client gets 504 and may try again.
 */
@Component
public class ReadConsistency {

    static final Duration RECHECK = Duration.ofMillis(250);

    private final Duration timeout;
    private final ReadModelProgress progress;

    @Autowired
    ReadConsistency(EngineProperties properties, ReadModelProgress progress) {
        this(properties.read().consistencyTimeout(), progress);
    }

    ReadConsistency(Duration timeout, ReadModelProgress progress) {
        this.timeout = timeout;
        this.progress = progress;
    }

    public <T> Optional<T> await(String campaignId, Supplier<Optional<T>> read, ToLongFunction<T> version,
                          Long minVersion) {
        return await(campaignId, read, version, minVersion, v -> 0, null);
    }

    /**
     * Waits for both, where named: the campaign's version (a command's) and its activity version (the
     * activity intake's: how many records the campaign has kept).
     */
    public <T> Optional<T> await(String campaignId, Supplier<Optional<T>> read, ToLongFunction<T> version,
                          Long minVersion, ToLongFunction<T> activityVersion, Long minActivityVersion) {
        if (minVersion == null && minActivityVersion == null) {
            return read.get();
        }
        Predicate<T> reached = v -> (minVersion == null || version.applyAsLong(v) >= minVersion)
                && (minActivityVersion == null || activityVersion.applyAsLong(v) >= minActivityVersion);
        String behind = minVersion != null ? "version " + minVersion : "activity version " + minActivityVersion;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            CompletableFuture<Void> change = progress.nextChange(campaignId);
            try {
                Optional<T> current = read.get();
                if (current.map(reached::test).orElse(false)) {
                    return current;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new ReadModelBehind(behind);
                }
                change.get(Math.min(left, RECHECK.toNanos()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException quiet) {
                // no change committed here: look again, another node may have made it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReadModelBehind(behind);
            } catch (ExecutionException impossible) {
                throw new IllegalStateException(impossible);
            } finally {
                progress.forget(campaignId, change);
            }
        }
    }

    /** The read model did not reach the version within the bound: 504, to be asked again. */
    static final class ReadModelBehind extends ErrorResponseException {

        ReadModelBehind(String behind) {
            super(HttpStatus.GATEWAY_TIMEOUT, Problems.of(HttpStatus.GATEWAY_TIMEOUT, "read-model-behind",
                    "Not caught up yet", "the read model has not reached " + behind + " yet; try again"), null);
        }
    }
}
