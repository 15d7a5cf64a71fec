package org.campaignengine.api.readmodels.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Hooks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

class LiveStreamTest {

    private final List<Throwable> dropped = new CopyOnWriteArrayList<>();
    private final AtomicInteger released = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    private Scheduler senders;

    @BeforeEach
    void watchDroppedErrors() {
        Hooks.onErrorDropped(dropped::add);
        senders = Schedulers.newBoundedElastic(2, 10, "live-stream-test");
    }

    @AfterEach
    void stop() {
        Hooks.resetOnErrorDropped();
        senders.dispose();
    }

    @Test
    void a_client_that_went_away_releases_its_stream_without_ending_it_again() throws InterruptedException {
        CountDownLatch tried = new CountDownLatch(1);
        LiveStream stream = new LiveStream(null, 4, senders, update -> {
            tried.countDown();
            throw new ClientGone(new IOException("Broken pipe"));
        }, ended::incrementAndGet, released::incrementAndGet);

        assertThat(stream.offer(new LiveUpdate.KeepAlive())).isTrue();

        assertThat(tried.await(5, TimeUnit.SECONDS)).isTrue();
        awaitReleased();
        assertThat(stream.isDisposed()).as("the sending stops").isTrue();
        assertThat(ended).as("a client that went away is not told the stream ends").hasValue(0);
        assertThat(dropped).isEmpty();
    }

    @Test
    void a_client_that_goes_away_while_the_node_ends_its_stream_logs_no_dropped_error() throws InterruptedException {
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch stopping = new CountDownLatch(1);
        LiveStream stream = new LiveStream(null, 4, senders, update -> {
            sending.countDown();
            try {
                stopping.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            throw new ClientGone(new IOException("Broken pipe"));
        }, ended::incrementAndGet, released::incrementAndGet);
        stream.offer(new LiveUpdate.KeepAlive());
        assertThat(sending.await(5, TimeUnit.SECONDS)).isTrue();

        stream.end();
        stopping.countDown();

        awaitReleased();
        Thread.sleep(100);
        assertThat(dropped).as("the failed write is handled, not dropped by Reactor as an error").isEmpty();
    }

    @Test
    void any_other_failure_to_send_ends_the_stream_and_releases_it() throws InterruptedException {
        LiveStream stream = new LiveStream(Set.of("east"), 4, senders, update -> {
            throw new IllegalStateException("serialising failed");
        }, ended::incrementAndGet, released::incrementAndGet);

        stream.offer(new LiveUpdate.KeepAlive());

        awaitReleased();
        assertThat(ended).hasValue(1);
        assertThat(dropped).isEmpty();
    }

    private void awaitReleased() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (released.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(released).hasValue(1);
    }
}
