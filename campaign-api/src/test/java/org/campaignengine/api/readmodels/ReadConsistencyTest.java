package org.campaignengine.api.readmodels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.campaignengine.api.readmodels.ReadConsistency.Answer;
import org.campaignengine.api.web.CampaignNotFound;
import org.campaignengine.api.web.OfficeScope;
import org.junit.jupiter.api.Test;

/** A read with minVersion waits on the read models' progress, within its bound, and leaves no waiter behind. */
class ReadConsistencyTest {

    /** A caller who sees every office. */
    private static final OfficeScope EVERY_OFFICE = () -> null;

    private final ReadModelProgress progress = new ReadModelProgress();
    private final AtomicLong version = new AtomicLong(3);
    private final AtomicInteger reads = new AtomicInteger();

    private Optional<Long> read() {
        reads.incrementAndGet();
        return Optional.of(version.get());
    }

    @Test
    void a_read_already_caught_up_answers_at_once() {
        ReadConsistency consistency = new ReadConsistency(Duration.ofSeconds(5), progress, EVERY_OFFICE);
        assertThat(consistency.await("c-1", this::read, v -> v, 3L)).contains(3L);
        assertThat(reads).hasValue(1);
        assertThat(progress.waiting()).isZero();
    }

    @Test
    void a_read_behind_is_woken_by_the_change_it_waits_for() throws Exception {
        ReadConsistency consistency = new ReadConsistency(Duration.ofSeconds(30), progress, EVERY_OFFICE);
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
        ReadConsistency consistency = new ReadConsistency(Duration.ofMillis(600), progress, EVERY_OFFICE);
        assertThatThrownBy(() -> consistency.await("c-1", this::read, v -> v, 9L))
                .isInstanceOf(ReadConsistency.ReadModelBehind.class);
        assertThat(reads.get()).as("one look per recheck interval, no busy polling").isBetween(2, 5);
        assertThat(progress.waiting()).isZero();
    }

    record Seen(long version, long activityVersion, boolean deleted, String office) {
    }

    private static final Answer<Seen> SEEN = new Answer<>(Seen::version, Seen::activityVersion, Seen::deleted,
            Seen::office);

    @Test
    void a_campaigns_read_waits_for_both_versions_then_hides_what_the_caller_may_not_see() {
        ReadConsistency boston = new ReadConsistency(Duration.ofMillis(600), progress, () -> Set.of("Boston"));
        Seen caughtUp = new Seen(3, 7, false, "Boston");
        assertThat(boston.campaign("c-1", () -> Optional.of(caughtUp), SEEN, 3L, 7L)).isEqualTo(caughtUp);
        assertThat(boston.campaign("c-1", () -> Optional.of(caughtUp), SEEN, null, null)).isEqualTo(caughtUp);
        assertThatThrownBy(() -> boston.campaign("c-1", () -> Optional.of(new Seen(3, 6, false, "Boston")), SEEN,
                3L, 7L)).isInstanceOf(ReadConsistency.ReadModelBehind.class)
                .hasMessageContaining("activity version 7");
        assertThatThrownBy(() -> boston.campaign("c-1", () -> Optional.of(new Seen(3, 7, true, "Boston")), SEEN,
                null, null)).isInstanceOf(CampaignNotFound.class);
        assertThatThrownBy(() -> boston.campaign("c-1", () -> Optional.of(new Seen(3, 7, false, "Lisbon")), SEEN,
                null, 7L)).isInstanceOf(CampaignNotFound.class);
        assertThatThrownBy(() -> boston.campaign("c-1", Optional::<Seen>empty, SEEN, null, null))
                .isInstanceOf(CampaignNotFound.class);
        assertThat(progress.waiting()).isZero();
    }
}
