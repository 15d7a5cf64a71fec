package org.campaignengine.api.engine;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.Configuration;

/**
 * The thread of a pooled processor's coordinator, which reads the events and hands them to the segments'
 * work packages. When a work package's queue is full (1,024 events) Axon 4.12's coordinator backs off for a
 * fixed 100 ms and there is no way to configure it; the work packages drain their queues in a fraction of
 * that, then wait, so a processor far behind (a replay, a first build) moved at most about 1,024 events per
 * segment every 100 ms however fast its handlers were, and the machine stood half idle. This executor shortens that one back-off to
 * {@link #FULL_QUEUE_BACK_OFF_MS}; every other delay the coordinator asks for (waiting for new events,
 * claiming segments, backing off after errors) is kept as asked. {@code CoordinatorExecutorTest} runs Axon's
 * processor on it and fails if the coordinator no longer asks for that back-off when a queue is full.
 */
class CoordinatorExecutor extends ScheduledThreadPoolExecutor {

    /** The back-off Axon's coordinator uses, hard-coded, when a work package has no room for more events. */
    static final long AXON_FULL_QUEUE_BACK_OFF_MS = 100;

    /**
     * What it becomes: the work packages drain about a quarter of a full queue meanwhile, so they never run
     * dry, and the coordinator does not poll a full queue in a busy loop (a replay of the medium bench went
     * at about 12,000 events/s with 5, 25 and 60 ms alike, against 8,200 with Axon's 100 ms).
     */
    static final long FULL_QUEUE_BACK_OFF_MS = 25;

    CoordinatorExecutor(String processorName) {
        super(1, new AxonThreadFactory("Coordinator[" + processorName + "]"));
    }

    /** The coordinator thread of one processor, shut down with Axon's configuration as Axon's own would be. */
    static CoordinatorExecutor of(String processorName, Configuration axon) {
        CoordinatorExecutor executor = new CoordinatorExecutor(processorName);
        axon.onShutdown(executor::shutdown);
        return executor;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return super.schedule(command, backOff(delay, unit), TimeUnit.MILLISECONDS);
    }

    static long backOff(long delay, TimeUnit unit) {
        long millis = unit.toMillis(delay);
        return millis == AXON_FULL_QUEUE_BACK_OFF_MS ? FULL_QUEUE_BACK_OFF_MS : millis;
    }
}
