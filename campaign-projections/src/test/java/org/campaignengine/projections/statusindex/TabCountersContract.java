package org.campaignengine.projections.statusindex;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventhandling.EventMessage;
import org.campaignengine.domain.campaign.ArchiveReason;
import org.campaignengine.domain.campaign.CampaignEvent;
import org.campaignengine.domain.campaign.CampaignEvent.*;
import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.CampaignStatus;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.projections.ProjectionHarness;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tab counters after every kind of status change, office change and deletion: after each event they
 * hold exactly what counting the index rows gives, and tabs and page totals read them in every scope.
 */
abstract class TabCountersContract extends StatusIndexTest {

    static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");

    private final List<EventMessage<CampaignEvent>> published = new ArrayList<>();

    @Test
    void counters_follow_every_status_office_and_channel_a_campaign_moves_through() {
        String sms = UUID.randomUUID().toString();
        var a = index.campaign(sms, T0);
        CampaignSettings north = settings("north");
        step(a, new Created(sms, Channel.SMS, north, null));
        step(a, new SettingsUpdated(sms, settings("south"), List.of("office"), null, false));
        step(a, new Scheduled(sms, T0.plus(ofDays(2))));
        step(a, new Unscheduled(sms, T0.plus(ofDays(2))));
        step(a, new Scheduled(sms, T0.plus(ofDays(3))));
        step(a, new LaunchRequested(sms, "l1", Channel.SMS, north, T0.plus(ofDays(3))));
        step(a, new Launched(sms, "l1", List.of(), null));
        step(a, new Paused(sms));
        step(a, new Resumed(sms, null));
        step(a, new Suspended(sms, "domains"));
        step(a, new Resumed(sms, "domains"));
        step(a, new SettingsUpdated(sms, settings(null), List.of("office"), null, false));
        step(a, new Stopped(sms, Channel.SMS));
        step(a, new Restarted(sms));
        step(a, new Completed(sms, true));
        step(a, new Archived(sms, ArchiveReason.MANUAL, List.of(), null));

        String voice = UUID.randomUUID().toString();
        var b = index.campaign(voice, T0);
        step(b, new Created(voice, Channel.VOICE, north, null));
        step(b, new LaunchRequested(voice, "l1", Channel.VOICE, north, null));
        step(b, new LaunchFailed(voice, "l1", "no numbers"));
        step(b, new LaunchRequested(voice, "l2", Channel.VOICE, north, null));
        step(b, new Rejected(voice, "l2", "denied term"));
        step(b, new SettingsUpdated(voice, settings("south"), List.of("office"), null, true));
        step(b, new LaunchRequested(voice, "l3", Channel.VOICE, north, null));
        step(b, new Launched(voice, "l3", List.of(), null));
        step(b, new Errored(voice, "DIALER", "down"));
        step(b, new Archived(voice, ArchiveReason.MANUAL, List.of(), null));

        String doomed = UUID.randomUUID().toString();
        var c = index.campaign(doomed, T0);
        step(c, new Created(doomed, Channel.SMS, settings("south"), null));
        assertThat(ask(new CountTabs(Set.of("south")), TabCounts.class)).isEqualTo(new TabCounts(0, 0, 1, 0, 1, 1));
        step(c, new Deleted(doomed));
        assertThat(ask(new CountTabs(Set.of("south")), TabCounts.class)).isEqualTo(new TabCounts(0, 0, 0, 0, 1, 0));
        assertThat(ask(new CountTabs(null), TabCounts.class)).isEqualTo(new TabCounts(0, 0, 0, 0, 2, 0));
    }

    @Test
    void redelivered_events_do_not_count_twice() {
        String id = UUID.randomUUID().toString();
        var timeline = index.campaign(id, T0);
        step(timeline, new Created(id, Channel.SMS, settings("north"), null));
        step(timeline, new SettingsUpdated(id, settings("south"), List.of("office"), null, false));
        step(timeline, new LaunchRequested(id, "l", Channel.SMS, settings("south"), null));

        published.forEach(index::redeliver);

        assertCountersAreTheRows();
        assertThat(ask(new CountTabs(null), TabCounts.class)).isEqualTo(new TabCounts(1, 0, 0, 0, 0, 1));
    }

    @Test
    void page_totals_come_from_the_counters_not_the_rows_for_every_tab_office_status_and_channel_filter() {
        for (String office : new String[] {"north", "south", null}) {
            for (Channel channel : Channel.values()) {
                String id = UUID.randomUUID().toString();
                var timeline = index.campaign(id, T0);
                timeline.publish(new Created(id, channel, settings(office), null));
                String launchedId = UUID.randomUUID().toString();
                var launched = index.campaign(launchedId, T0);
                launched.publish(new Created(launchedId, channel, settings(office), null));
                launched.publish(new LaunchRequested(launchedId, "l", channel, settings(office), null));
                launched.publish(new Launched(launchedId, "l", List.of(), null));
            }
        }
        Map<ListCampaigns, Long> expected = new LinkedHashMap<>();
        for (IndexTab tab : IndexTab.values()) {
            for (Set<String> scope : List.of(Set.of("north"), Set.of("north", "south"), Set.<String>of())) {
                for (Channel channel : Channel.values()) {
                    for (CampaignStatus status : new CampaignStatus[] {null, CampaignStatus.ACTIVE}) {
                        for (String office : new String[] {null, "south"}) {
                            expected.put(new ListCampaigns(tab, null, null, channel, office, status, null, 0, 1, scope),
                                    rowsMatching(tab, scope, channel, office, status));
                        }
                    }
                }
            }
        }

        database.jdbc().update("DELETE FROM campaign_index");

        expected.forEach((query, total) -> assertThat(ask(query, CampaignPage.class).total()).as(query.toString())
                .isEqualTo(total));
        assertThat(ask(new ListCampaigns(null, null, null, null, null, null, null, 0, 1, null), CampaignPage.class)
                .total()).as("every office's campaigns, and those of none").isEqualTo(12);
    }

    @Test
    void two_segments_creating_the_same_counter_at_once_both_count() throws Exception {
        TabCounters counters = new TabCounters(database.jdbc());
        TabCounters.Key key = new TabCounters.Key("north", Channel.SMS, CampaignStatus.DRAFT);
        TransactionTemplate transactions = new TransactionTemplate(
                new DataSourceTransactionManager(database.jdbc().getDataSource()));
        CountDownLatch created = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService segments = Executors.newFixedThreadPool(2);
        try {
            // the first segment creates the counter and holds its transaction open
            Future<?> first = segments.submit(() -> transactions.executeWithoutResult(status -> {
                counters.add(key);
                created.countDown();
                await(commit);
            }));
            assertThat(created.await(10, TimeUnit.SECONDS)).isTrue();
            // the second finds no committed counter and inserts one too, waiting on the first's row
            Future<?> second = segments.submit(() -> transactions.executeWithoutResult(status -> counters.add(key)));
            Thread.sleep(300);
            commit.countDown();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
        } finally {
            segments.shutdownNow();
        }
        assertThat(database.jdbc().queryForObject("SELECT campaigns FROM campaign_tab_count WHERE office = 'north' "
                + "AND channel = 'SMS' AND status = 'DRAFT'", Long.class)).isEqualTo(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void step(ProjectionHarness<CampaignIndexProjection>.Timeline timeline, CampaignEvent event) {
        published.add(timeline.after(ofMinutes(1)).publish(event));
        assertCountersAreTheRows();
    }

    private void assertCountersAreTheRows() {
        List<Map<String, Object>> counted = database.jdbc().queryForList("SELECT office IS NOT NULL AS has_office, "
                + "COALESCE(office, '') AS office, channel, status, COUNT(*) AS campaigns FROM campaign_index "
                + "GROUP BY office IS NOT NULL, COALESCE(office, ''), channel, status "
                + "ORDER BY 1, 2, 3, 4");
        List<Map<String, Object>> counters = database.jdbc().queryForList("SELECT has_office, office, channel, status, "
                + "campaigns FROM campaign_tab_count WHERE campaigns <> 0 ORDER BY 1, 2, 3, 4");
        assertThat(normalised(counters)).isEqualTo(normalised(counted));
    }

    /** Column names and number types as one database or the other reports them. */
    private static List<Map<String, Object>> normalised(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> Map.<String, Object>of(
                "has_office", r.values().toArray()[0], "office", r.values().toArray()[1],
                "channel", r.values().toArray()[2], "status", r.values().toArray()[3],
                "campaigns", ((Number) r.values().toArray()[4]).longValue())).toList();
    }

    private long rowsMatching(IndexTab tab, Set<String> scope, Channel channel, String office, CampaignStatus status) {
        return database.jdbc().queryForList("SELECT status, office, channel FROM campaign_index").stream()
                .filter(r -> tab.statuses().contains(CampaignStatus.valueOf((String) r.get("status"))))
                .filter(r -> status == null || status.name().equals(r.get("status")))
                .filter(r -> r.get("office") != null && scope.contains((String) r.get("office")))
                .filter(r -> channel.name().equals(r.get("channel")))
                .filter(r -> office == null || office.equals(r.get("office")))
                .count();
    }

    private static CampaignSettings settings(String office) {
        return CampaignSettings.builder().name("Counted").office(office).build();
    }
}
