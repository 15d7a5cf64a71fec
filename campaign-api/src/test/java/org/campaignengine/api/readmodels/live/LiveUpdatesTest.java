package org.campaignengine.api.readmodels.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.CampaignStatus;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.projections.analytics.AnalyticsProjection;
import org.campaignengine.projections.analytics.FindAnalytics;
import org.campaignengine.projections.statusindex.CampaignIndexProjection;
import org.campaignengine.projections.statusindex.CampaignRow;
import org.campaignengine.projections.statusindex.FindCampaign;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiveUpdatesTest {

    private static final Duration AT_MOST = Duration.ofSeconds(10);

    private final Rows rows = new Rows();
    private final SimpleQueryBus bus = SimpleQueryBus.builder().build();
    private final QueryUpdateEmitter emitter = bus.queryUpdateEmitter();
    private final LiveUpdates live = new LiveUpdates(DefaultQueryGateway.builder().queryBus(bus).build());

    LiveUpdatesTest() {
        new AnnotationQueryHandlerAdapter<>(rows, ClasspathParameterResolverFactory.forClass(Rows.class)).subscribe(bus);
        new AnnotationQueryHandlerAdapter<>(new LiveUpdatesConfiguration.Subscriptions(),
                ClasspathParameterResolverFactory.forClass(Rows.class)).subscribe(bus);
    }

    @AfterEach
    void stop() {
        rows.release();
        live.destroy();
    }

    @Test
    void a_change_is_read_once_and_handed_to_every_stream_whose_caller_may_see_it() {
        List<Received> north = open(150, Set.of("north"));
        List<Received> south = open(49, Set.of("south"));
        List<Received> everyOffice = open(1, null);
        rows.office("campaign-1", "north");

        changed(CampaignIndexProjection.READ_MODEL, "campaign-1");

        await().atMost(AT_MOST).until(() -> north.stream().allMatch(r -> r.ids().contains("campaign-1"))
                && everyOffice.get(0).ids().contains("campaign-1"));
        assertThat(rows.reads.get()).isEqualTo(1);
        assertThat(live.reads()).isEqualTo(1);
        assertThat(south).allSatisfy(r -> assertThat(r.ids()).isEmpty());
    }

    @Test
    void changes_of_a_campaign_that_come_before_its_read_are_read_once() {
        List<Received> stream = open(1, null);
        rows.office("slow-to-read", "north");
        rows.office("campaign-1", "north");
        rows.holdReadsOf("slow-to-read");
        changed(CampaignIndexProjection.READ_MODEL, "slow-to-read");
        await().atMost(AT_MOST).until(() -> rows.reads.get() == 1);

        for (int i = 0; i < 5; i++) {
            changed(CampaignIndexProjection.READ_MODEL, "campaign-1");
        }
        rows.release();

        await().atMost(AT_MOST).until(() -> stream.get(0).ids().containsAll(List.of("slow-to-read", "campaign-1")));
        assertThat(rows.reads.get()).as("one read for the held campaign, one for five changes of the other").isEqualTo(2);
    }

    @Test
    void the_committing_thread_only_notes_a_change_even_while_reads_and_streams_are_stuck() {
        rows.office("slow-to-read", "north");
        rows.holdReadsOf("slow-to-read");
        CountDownLatch never = new CountDownLatch(1);
        live.open(null, update -> awaitQuietly(never), () -> { });
        changed(CampaignIndexProjection.READ_MODEL, "slow-to-read");

        long started = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            changed(CampaignIndexProjection.READ_MODEL, "campaign-" + i);
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a_stream_that_stops_taking_updates_is_dropped_once_its_buffer_overflows_and_the_others_keep_receiving() {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger dropped = new AtomicInteger();
        live.open(null, update -> awaitQuietly(never), dropped::incrementAndGet);
        List<Received> others = open(3, null);
        int updates = LiveUpdates.BUFFER + 2;

        for (int i = 0; i < updates; i++) {
            rows.office("campaign-" + i, "north");
            changed(CampaignIndexProjection.READ_MODEL, "campaign-" + i);
        }

        await().atMost(AT_MOST).until(() -> dropped.get() == 1);
        assertThat(live.overflows()).isEqualTo(1);
        await().atMost(AT_MOST).until(() -> others.stream().allMatch(r -> r.ids().size() == updates));
        assertThat(live.streams()).isEqualTo(3);
        never.countDown();
    }

    @Test
    void figures_go_out_as_figures_and_other_read_models_and_deleted_campaigns_not_at_all() {
        List<Received> stream = open(1, null);
        rows.office("campaign-1", "north");
        rows.office("deleted", "north");
        rows.delete("deleted");

        changed("calendar", "campaign-1");
        changed(CampaignIndexProjection.READ_MODEL, "deleted");
        changed(AnalyticsProjection.PROCESSING_GROUP, "campaign-1");

        await().atMost(AT_MOST).until(() -> !stream.get(0).updates().isEmpty());
        assertThat(stream.get(0).updates()).singleElement().isInstanceOf(LiveUpdate.FiguresChanged.class);
        assertThat(live.reads()).as("the calendar is never read for a stream").isEqualTo(2);
    }

    @Test
    void the_node_subscribes_to_changes_while_a_stream_is_open_and_not_after_the_last_closes() {
        assertThat(emitter.activeSubscriptions()).isEmpty();
        LiveStream first = live.open(null, update -> { }, () -> { });
        LiveStream second = live.open(null, update -> { }, () -> { });
        assertThat(emitter.activeSubscriptions()).hasSize(1);

        first.dispose();
        assertThat(emitter.activeSubscriptions()).hasSize(1);
        second.dispose();

        assertThat(emitter.activeSubscriptions()).isEmpty();
        assertThat(live.streams()).isZero();
    }

    @Test
    void stopping_the_node_ends_every_open_stream_so_its_clients_reconnect() {
        AtomicInteger ended = new AtomicInteger();
        live.start();
        for (int i = 0; i < 3; i++) {
            live.open(null, update -> { }, ended::incrementAndGet);
        }

        live.stop();

        await().atMost(AT_MOST).until(() -> ended.get() == 3);
        assertThat(live.isRunning()).isFalse();
        assertThat(live.streams()).isZero();
        assertThat(emitter.activeSubscriptions()).isEmpty();
    }

    @Test
    void a_stream_whose_sending_fails_ends_and_leaves_the_hub() {
        AtomicInteger ended = new AtomicInteger();
        live.open(null, update -> {
            throw new IllegalStateException("cannot render");
        }, ended::incrementAndGet);
        rows.office("campaign-1", "north");

        changed(CampaignIndexProjection.READ_MODEL, "campaign-1");

        await().atMost(AT_MOST).until(() -> ended.get() == 1);
        assertThat(live.streams()).isZero();
    }

    @Test
    void a_stream_whose_client_went_away_leaves_the_hub_without_being_told_it_ends() {
        AtomicInteger ended = new AtomicInteger();
        live.open(null, update -> {
            throw new ClientGone(new IOException("Broken pipe"));
        }, ended::incrementAndGet);
        Received other = open(1, null).get(0);
        rows.office("campaign-1", "north");

        changed(CampaignIndexProjection.READ_MODEL, "campaign-1");

        await().atMost(AT_MOST).until(() -> live.streams() == 1);
        await().atMost(AT_MOST).until(() -> other.updates().size() == 1);
        assertThat(ended).as("nothing is written to a client that went away").hasValue(0);
    }

    @Test
    void while_the_node_runs_every_open_stream_is_sent_a_keep_alive_now_and_then_whatever_its_offices() {
        LiveUpdates often = new LiveUpdates(DefaultQueryGateway.builder().queryBus(bus).build(), Duration.ofMillis(50));
        try {
            often.start();
            List<LiveUpdate> first = new CopyOnWriteArrayList<>();
            List<LiveUpdate> second = new CopyOnWriteArrayList<>();
            often.open(Set.of("north"), first::add, () -> { });
            often.open(null, second::add, () -> { });

            await().atMost(AT_MOST).until(() -> first.size() >= 2 && second.size() >= 2);
            assertThat(first).allSatisfy(update -> assertThat(update).isInstanceOf(LiveUpdate.KeepAlive.class));
            assertThat(often.reads()).as("a keep-alive reads nothing").isZero();
        } finally {
            often.destroy();
        }
    }

    @Test
    void a_stream_opened_while_the_node_stops_ends_at_once() {
        AtomicInteger ended = new AtomicInteger();
        live.start();
        live.stop();

        live.open(null, update -> { }, ended::incrementAndGet);

        await().atMost(AT_MOST).until(() -> ended.get() == 1);
        assertThat(live.streams()).isZero();
        assertThat(emitter.activeSubscriptions()).isEmpty();
    }

    private void changed(String readModel, String campaignId) {
        emitter.emit(WatchCampaigns.class, watch -> true, new CampaignChanged(readModel, campaignId));
    }

    private List<Received> open(int count, Set<String> offices) {
        List<Received> streams = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Received received = new Received(new CopyOnWriteArrayList<>());
            live.open(offices, received.updates()::add, () -> { });
            streams.add(received);
        }
        return streams;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Received(List<LiveUpdate> updates) {
        List<String> ids() {
            return updates.stream().map(u -> u instanceof LiveUpdate.IndexRowChanged row ? row.row().id()
                    : ((LiveUpdate.FiguresChanged) u).figures().campaignId()).toList();
        }
    }

    /** The read models' query side: each campaign's office, counting reads, holding one campaign's reads on demand. */
    static class Rows {
        final AtomicInteger reads = new AtomicInteger();
        private final Map<String, String> offices = new ConcurrentHashMap<>();
        private final Set<String> deleted = ConcurrentHashMap.newKeySet();
        private volatile String held;
        private final CountDownLatch released = new CountDownLatch(1);

        void office(String campaignId, String office) {
            offices.put(campaignId, office);
        }

        void delete(String campaignId) {
            deleted.add(campaignId);
        }

        void holdReadsOf(String campaignId) {
            held = campaignId;
        }

        void release() {
            released.countDown();
        }

        @QueryHandler
        Optional<CampaignRow> row(FindCampaign find) {
            reads.incrementAndGet();
            if (find.campaignId().equals(held)) {
                awaitQuietly(released);
            }
            return Optional.ofNullable(offices.get(find.campaignId())).map(office -> new CampaignRow(find.campaignId(),
                    Channel.SMS, deleted.contains(find.campaignId()) ? CampaignStatus.DELETED : CampaignStatus.DRAFT,
                    CampaignSettings.builder().name("Live").office(office).build(), List.of(), Instant.EPOCH,
                    Instant.EPOCH, null, null, null, null, null, null, null, null, false, null, null, 1));
        }

        @QueryHandler
        Optional<org.campaignengine.projections.analytics.CampaignAnalytics> figures(FindAnalytics find) {
            reads.incrementAndGet();
            return Optional.ofNullable(offices.get(find.campaignId())).map(office ->
                    new org.campaignengine.projections.analytics.CampaignAnalytics(find.campaignId(), office, false, 1,
                            0, null));
        }
    }
}
