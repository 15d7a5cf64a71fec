package org.campaignengine.api.readmodels;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import org.campaignengine.api.EngineProperties;
import org.campaignengine.api.web.CampaignNotFound;
import org.campaignengine.api.web.OfficeScope;
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
 * {@link #campaign} is what every read of one campaign's read model does: wait where asked, then answer
 * 404 for a campaign unknown, deleted or of an office the caller does not see.
 */
@Component
public class ReadConsistency {

    static final Duration RECHECK = Duration.ofMillis(250);

    /** The OpenAPI description of {@code minVersion}, the same on every read that takes it. */
    public static final String MIN_VERSION = "Answer once the read model has applied this version of the campaign "
            + "(a command's `version`), or 504 after a bounded wait.";
    /** The OpenAPI description of {@code activityVersion}, the same on every read that takes it. */
    public static final String ACTIVITY_VERSION = "Answer once the read model has applied this many of the "
            + "campaign's activity records (the activity intake's `activityVersion`, so the batch just recorded "
            + "shows), or 504 after a bounded wait.";

    private final Duration timeout;
    private final ReadModelProgress progress;
    private final OfficeScope scope;

    @Autowired
    ReadConsistency(EngineProperties properties, ReadModelProgress progress, OfficeScope scope) {
        this(properties.read().consistencyTimeout(), progress, scope);
    }

    ReadConsistency(Duration timeout, ReadModelProgress progress, OfficeScope scope) {
        this.timeout = timeout;
        this.progress = progress;
        this.scope = scope;
    }

    /**
     * How a read model's answer about one campaign is read: the version a read may wait for, the activity
     * version (how many of the campaign's activity records the model applied), and whether it is deleted
     * and of which office, for the caller's scope.
     */
    public record Answer<T>(ToLongFunction<T> version, ToLongFunction<T> activityVersion, Predicate<T> deleted,
                            Function<T, String> office) {

        /** For a model that keeps no count of activity records: its reads take no {@code activityVersion}. */
        public static <T> Answer<T> withoutActivity(ToLongFunction<T> version, Predicate<T> deleted,
                                                    Function<T, String> office) {
            return new Answer<>(version, v -> 0, deleted, office);
        }
    }

    /**
     * The campaign as {@code read} answers it, once the model has applied {@code minVersion} and
     * {@code minActivityVersion} where named (else 504, {@link ReadModelBehind}); a campaign the model does
     * not know, knows as deleted or of an office the caller does not see is {@link CampaignNotFound}.
     */
    public <T> T campaign(String campaignId, Supplier<Optional<T>> read, Answer<T> answer, Long minVersion,
                          Long minActivityVersion) {
        return await(campaignId, read, answer.version(), minVersion, answer.activityVersion(), minActivityVersion)
                .filter(found -> !answer.deleted().test(found))
                .filter(found -> scope.sees(answer.office().apply(found)))
                .orElseThrow(() -> new CampaignNotFound(campaignId));
    }

    <T> Optional<T> await(String campaignId, Supplier<Optional<T>> read, ToLongFunction<T> version,
                          Long minVersion) {
        return await(campaignId, read, version, minVersion, v -> 0, null);
    }

    /**
     * Waits for both, where named: the campaign's version (a command's) and its activity version (the
     * activity intake's: how many records the campaign has kept).
     */
    <T> Optional<T> await(String campaignId, Supplier<Optional<T>> read, ToLongFunction<T> version,
                          Long minVersion, ToLongFunction<T> activityVersion, Long minActivityVersion) {
        if (minVersion == null && minActivityVersion == null) {
            return read.get();
        }
        Predicate<T> reached = v -> (minVersion == null || version.applyAsLong(v) >= minVersion)
                && (minActivityVersion == null || activityVersion.applyAsLong(v) >= minActivityVersion);
        String behind = minVersion == null ? "activity version " + minActivityVersion
                : minActivityVersion == null ? "version " + minVersion
                : "version " + minVersion + " and activity version " + minActivityVersion;
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
