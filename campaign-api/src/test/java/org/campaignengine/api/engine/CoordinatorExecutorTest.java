package org.campaignengine.api.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

class CoordinatorExecutorTest {

    /** More events than a work package's queue holds (1,024) plus a batch, so the queue fills. */
    private static final int EVENTS = 3_000;

    /**
     * Axon's processor, run on this executor, still asks for the back-off the executor shortens: if Axon
     * changes it, the executor shortens nothing and this fails.
     */
    @Test
    void axons_coordinator_asks_for_its_fixed_back_off_when_a_work_package_queue_is_full_and_waits_less()
            throws InterruptedException {
        CountDownLatch handlerHeld = new CountDownLatch(1);
        AtomicInteger handled = new AtomicInteger();
        Recording executor = new Recording();
        EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        events.publish(IntStream.range(0, EVENTS).<EventMessage<?>>mapToObj(GenericEventMessage::asEventMessage).toList());
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(1);
        PooledStreamingEventProcessor processor = processor(events, executor, workers, event -> {
            handlerHeld.await();
            handled.incrementAndGet();
            return null;
        });
        processor.start();
        try {
            awaitTrue("the coordinator asks for a delay of " + CoordinatorExecutor.AXON_FULL_QUEUE_BACK_OFF_MS
                    + " ms while the handler holds a full queue", () -> executor.asked.stream()
                    .anyMatch(delay -> delay.askedMs() == CoordinatorExecutor.AXON_FULL_QUEUE_BACK_OFF_MS));
            assertThat(executor.asked).filteredOn(delay -> delay.askedMs() == CoordinatorExecutor.AXON_FULL_QUEUE_BACK_OFF_MS)
                    .allSatisfy(delay -> assertThat(delay.scheduledMs())
                            .isLessThanOrEqualTo(CoordinatorExecutor.FULL_QUEUE_BACK_OFF_MS));

            handlerHeld.countDown();
            awaitTrue("every event is handled", () -> handled.get() == EVENTS);
            executor.asked.clear();
            awaitTrue("the idle coordinator asks for more delays", () -> executor.asked.size() >= 3);
            assertThat(executor.asked).extracting(Delay::askedMs)
                    .doesNotContain(CoordinatorExecutor.AXON_FULL_QUEUE_BACK_OFF_MS);
        } finally {
            handlerHeld.countDown();
            processor.shutDown();
            executor.shutdown();
            workers.shutdown();
            events.shutDown();
        }
    }

    @Test
    void axons_fixed_back_off_for_a_full_work_package_queue_is_shortened() {
        assertThat(CoordinatorExecutor.backOff(100, TimeUnit.MILLISECONDS))
                .isEqualTo(CoordinatorExecutor.FULL_QUEUE_BACK_OFF_MS).isLessThan(100);
    }

    @Test
    void every_other_delay_the_coordinator_asks_for_is_kept() {
        assertThat(CoordinatorExecutor.backOff(0, TimeUnit.MILLISECONDS)).isZero();
        assertThat(CoordinatorExecutor.backOff(500, TimeUnit.MILLISECONDS)).isEqualTo(500);
        assertThat(CoordinatorExecutor.backOff(5, TimeUnit.SECONDS)).isEqualTo(5_000);
        assertThat(CoordinatorExecutor.backOff(99, TimeUnit.MILLISECONDS)).isEqualTo(99);
    }

    private static PooledStreamingEventProcessor processor(EmbeddedEventStore events,
                                                           ScheduledExecutorService coordinator,
                                                           ScheduledExecutorService workers,
                                                           EventMessageHandler handler) {
        return PooledStreamingEventProcessor.builder()
                .name("coordinator-test")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                .errorHandler(PropagatingErrorHandler.instance())
                .messageSource(events)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(1)
                .batchSize(100)
                .tokenClaimInterval(200)
                .build();
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** A delay the coordinator asked for and what was left of it once scheduled. */
    private record Delay(long askedMs, long scheduledMs) {
    }

    /** The engine's coordinator executor, noting each delay asked of it. */
    private static final class Recording extends CoordinatorExecutor {

        final List<Delay> asked = new CopyOnWriteArrayList<>();

        Recording() {
            super("coordinator-test");
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            ScheduledFuture<?> scheduled = super.schedule(command, delay, unit);
            asked.add(new Delay(unit.toMillis(delay), scheduled.getDelay(TimeUnit.MILLISECONDS)));
            return scheduled;
        }
    }
}
