package org.campaignengine.api.readmodels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A read with minVersion waits on the read models' progress, within its bound, and leaves no waiter behind. */
class ReadConsistencyTest {

    private final ReadModelProgress progress = new ReadModelProgress();
    private final AtomicLong version = new AtomicLong(3);
    private final AtomicInteger reads = new AtomicInteger();

    private Optional<Long> read() {
        reads.incrementAndGet();
        return Optional.of(version.get());
    }

    @Test
    void a_read_already_caught_up_answers_at_once() {
        ReadConsistency consistency = new ReadConsistency(Duration.ofSeconds(5), progress);
        assertThat(consistency.await("c-1", this::read, v -> v, 3L)).contains(3L);
        assertThat(reads).hasValue(1);
        assertThat(progress.waiting()).isZero();
    }

    @Test
    void a_read_behind_is_woken_by_the_change_it_waits_for() throws Exception {
        ReadConsistency consistency = new ReadConsistency(Duration.ofSeconds(30), progress);
        CompletableFuture<Optional<Long>> answer = CompletableFuture.supplyAsync(
                () -> consistency.await("c-1", this::read, v -> v, 5L));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> progress.waiting() > 0);
        version.set(5);
        progress.changed("c-1");
        assertThat(answer.get(2, TimeUnit.SECONDS)).contains(5L);
        assertThat(reads.get()).as("woken, not polled every few milliseconds").isLessThanOrEqualTo(3);
        assertThat(progress.waiting()).isZero();
    }

    @Test
    void a_read_that_never_catches_up_is_refused_after_the_bound() {
        ReadConsistency consistency = new ReadConsistency(Duration.ofMillis(600), progress);
        assertThatThrownBy(() -> consistency.await("c-1", this::read, v -> v, 9L))
                .isInstanceOf(ReadConsistency.ReadModelBehind.class);
        assertThat(reads.get()).as("one look per recheck interval, no busy polling").isBetween(2, 5);
        assertThat(progress.waiting()).isZero();
    }
}
