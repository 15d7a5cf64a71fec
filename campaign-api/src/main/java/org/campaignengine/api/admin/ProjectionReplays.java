package org.campaignengine.api.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.campaignengine.projections.tables.ParkedIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a read model from the events: its processor stops, its tokens go back to the start (its
 * {@code @ResetHandler} empties its tables) and it runs again, reporting how far it has come. Only
 * processors whose handlers all allow a reset are read models; the launch process and number release
 * ({@code @DisallowReplay}) are never replayed, so no launch is sent twice.
 */
@Component
class ProjectionReplays implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplays.class);
    private static final java.time.Duration CLAIM_WAIT = java.time.Duration.ofSeconds(10);

    private final EventProcessingConfiguration processing;
    private final ParkedIndexes parking;
    private final ScheduledExecutorService progressLog = daemon("replay-progress");
    private final ScheduledExecutorService rebuilds = daemon("replay-indexes");

    ProjectionReplays(EventProcessingConfiguration processing, ParkedIndexes parking) {
        this.processing = processing;
        this.parking = parking;
        progressLog.scheduleWithFixedDelay(this::logProgress, 5, 5, TimeUnit.SECONDS);
        rebuilds.scheduleWithFixedDelay(this::rebuildParkedIndexes, 1, 1, TimeUnit.SECONDS);
    }

    /** The read models: the streaming processors that may be replayed, by name. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && streaming.supportsReset()) {
                names.add(name);
            }
        });
        return names.stream().sorted().toList();
    }

    Optional<ReplayProgress> progress(String name) {
        return readModel(name).map(p -> progress(name, p));
    }

    private ReplayProgress progress(String name, StreamingEventProcessor processor) {
        return ReplayProgress.of(name, processor.isRunning(), processor.processingStatus(), parking.parked(name));
    }

    /** Starts the replay and answers its first progress; empty for a name that is no read model. */
    Optional<ReplayProgress> replay(String name) {
        Optional<StreamingEventProcessor> processor = readModel(name);
        processor.ifPresent(p -> {
            log.info("replay of {} requested: stopping it and resetting its tokens", name);
            p.shutdownAsync().join();
            try {
                p.resetTokens();
            } finally {
                p.start();
            }
            awaitClaims(p);
            log.info("replay of {} started", name);
        });
        return processor.map(p -> progress(name, p));
    }

    /**
     * A restarted processor claims its segments a moment later; until then it reports none, which
     * would read as "nothing left to replay". The answer waits (briefly) for the first claims.
     */
    private static void awaitClaims(StreamingEventProcessor processor) {
        long deadline = System.nanoTime() + CLAIM_WAIT.toNanos();
        while (processor.processingStatus().isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Optional<StreamingEventProcessor> readModel(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).filter(StreamingEventProcessor::supportsReset);
    }

    private void logProgress() {
        for (String name : names()) {
            readModel(name).ifPresent(p -> {
                Map<Integer, EventTrackerStatus> status = p.processingStatus();
                if (status.values().stream().anyMatch(EventTrackerStatus::isReplaying)) {
                    ReplayProgress progress = ReplayProgress.of(name, p.isRunning(), status, false);
                    log.info("replay of {}: {} of {} events ({}%)", name, progress.position(), progress.target(),
                            Math.round(progress.fraction() * 100));
                }
            });
        }
    }

    /**
     * A read model that parked its indexes for a replay gets them back once every segment has caught
     * up with the events: then each is built in one pass over the finished table. This also finishes
     * the rebuild a node stopped in the middle of.
     */
    private void rebuildParkedIndexes() {
        try {
            for (String name : names()) {
                readModel(name).filter(p -> parking.parked(name))
                        .filter(p -> progress(name, p).caughtUp())
                        .ifPresent(p -> parking.restore(name));
            }
        } catch (RuntimeException e) {
            log.warn("building parked indexes again failed; retrying in a second", e);
        }
    }

    private static ScheduledExecutorService daemon(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void destroy() {
        progressLog.shutdownNow();
        rebuilds.shutdownNow();
    }
}
