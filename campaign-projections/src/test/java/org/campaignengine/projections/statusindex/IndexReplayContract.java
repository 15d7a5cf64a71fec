package org.campaignengine.projections.statusindex;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.domain.campaign.ActivityType.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.EventMessage;
import org.campaignengine.domain.campaign.ActivityRecord;
import org.campaignengine.domain.campaign.ActivityType;
import org.campaignengine.domain.campaign.ArchiveReason;
import org.campaignengine.domain.campaign.CampaignEvent;
import org.campaignengine.domain.campaign.CampaignEvent.*;
import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.domain.campaign.ContactId;
import org.campaignengine.domain.campaign.ContactList;
import org.campaignengine.domain.campaign.PhoneNumber;
import org.campaignengine.domain.campaign.PhoneNumberMode;
import org.campaignengine.projections.ProjectionHarness;
import org.junit.jupiter.api.Test;

/** A replay (reset, then every event again in order) rebuilds exactly what was built live: every table. */
abstract class IndexReplayContract extends StatusIndexTest {

    static final Instant T0 = Instant.parse("2026-01-15T09:00:00Z");
    static final List<String> TABLES = List.of("campaign_index", "campaign_tab_count", "campaign_index_contact",
            "campaign_index_caller");

    private final List<EventMessage<CampaignEvent>> log = new ArrayList<>();
    private int records;

    @Test
    void replaying_the_events_alone_rebuilds_every_table_of_the_index_exactly() {
        Map<String, List<Map<String, Object>>> built = buildLive();

        index.reset();
        assertThat(snapshot().values()).allSatisfy(rows -> assertThat(rows).isEmpty());

        log.forEach(index::redeliver);
        assertThat(snapshot()).isEqualTo(built);
    }

    /**
     * On PostgreSQL a replay drops the sort indexes and builds them again once it has caught up; on H2
     * it keeps them. Either way the index ends with exactly the indexes it had.
     */
    @Test
    void a_replay_ends_with_every_index_the_index_had_before_it() {
        Map<String, List<Map<String, Object>>> built = buildLive();
        List<String> before = indexes();

        index.reset();
        log.forEach(index::redeliver);
        assertThat(parking.parked(CampaignIndexProjection.READ_MODEL)).isEqualTo(isPostgres());
        assertThat(indexes().size()).isEqualTo(isPostgres() ? 1 : before.size());

        assertThat(parking.restore(CampaignIndexProjection.READ_MODEL)).isEqualTo(isPostgres() ? before.size() - 1 : 0);
        assertThat(parking.parked(CampaignIndexProjection.READ_MODEL)).isFalse();
        assertThat(indexes()).isEqualTo(before);
        assertThat(snapshot()).isEqualTo(built);
    }

    /**
     * A processor's first event, far behind the newest stored one, into an empty index: the index is
     * being built from a long history and parks its sort indexes as a replay does (PostgreSQL).
     */
    @Test
    void a_first_build_far_behind_the_events_parks_the_sort_indexes_until_it_has_caught_up() throws Exception {
        emptyIndex();
        List<String> before = indexes();
        CampaignIndexProjection first = new CampaignIndexProjection(repository, org.campaignengine.domain.campaign
                .TimeRules.defaults(), parking, new LongCatchUp(() -> 1_000_000, 100_000));
        String id = UUID.randomUUID().toString();
        EventMessage<CampaignEvent> created = index.campaign(id, T0).message(new Created(id, Channel.SMS,
                settings("north", 3), null));
        var tracked = new org.axonframework.eventhandling.GenericTrackedDomainEventMessage<>(
                new org.axonframework.eventhandling.GlobalSequenceTrackingToken(1),
                (org.axonframework.eventhandling.DomainEventMessage<CampaignEvent>) created);
        new ProjectionHarness<>(first).batch(List.of(tracked));

        assertThat(database.jdbc().queryForObject("SELECT COUNT(*) FROM campaign_index", Integer.class)).isEqualTo(1);
        assertThat(parking.parked(CampaignIndexProjection.READ_MODEL)).isEqualTo(isPostgres());
        parking.restore(CampaignIndexProjection.READ_MODEL);
        assertThat(indexes()).isEqualTo(before);
    }

    /** A processor hands the index a few hundred events per unit of work: every batch size gives one result. */
    @Test
    void replaying_in_batches_of_any_size_rebuilds_the_same_index_as_one_event_at_a_time() {
        Map<String, List<Map<String, Object>>> built = buildLive();
        for (int size : List.of(2, 5, log.size())) {
            emptyIndex();
            for (int from = 0; from < log.size(); from += size) {
                index.batch(new ArrayList<>(log.subList(from, Math.min(log.size(), from + size))));
            }
            assertThat(snapshot()).as("batches of %d", size).isEqualTo(built);
        }
    }

    private Map<String, List<Map<String, Object>>> buildLive() {
        emptyIndex();
        log.clear();
        String sms = UUID.randomUUID().toString();
        var a = index.campaign(sms, T0);
        CampaignSettings north = settings("north", 4);
        live(a, new Created(sms, Channel.SMS, north, null));
        live(a, new SettingsUpdated(sms, settings("south", 6), List.of("office", "contactList"), null, false));
        live(a, new LaunchRequested(sms, "l", Channel.SMS, north, null));
        live(a, new Launched(sms, "l", List.of(new PhoneNumber("+14155550101", "415", PhoneNumberMode.SINGLE_USE)),
                null));
        live(a, activity(sms, rec(MESSAGE_SENT, "c1", null, null), rec(MESSAGE_SENT, "c2", null, null),
                rec(MESSAGE_DELIVERED, "c1", null, null), rec(LINK_CLICKED, "c1", null, null),
                rec(COST_INCURRED, "c1", 1_250L, null)));
        live(a.after(ofDays(23)), new AutoArchiveWarned(sms, T0.plus(ofDays(30))));
        live(a, new Paused(sms));

        String voice = UUID.randomUUID().toString();
        var b = index.campaign(voice, T0.plus(ofHours(1)));
        live(b, new Created(voice, Channel.VOICE, north, null));
        live(b, new LaunchRequested(voice, "l", Channel.VOICE, north, null));
        live(b, new Launched(voice, "l", List.of(), null));
        live(b, activity(voice, rec(CALLER_LOGGED_IN, null, null, "ann"), rec(CALLER_LOGGED_IN, null, null, "bob"),
                rec(CALL_PLACED, "c1", null, null), rec(CALL_PLACED, "c2", null, null)));
        live(b, activity(voice, rec(CALLER_LOGGED_OUT, null, null, "ann"), rec(CALL_PLACED, "c1", null, null)));
        live(b, new Errored(voice, "DIALER", "trunk down"));
        live(b, new Archived(voice, ArchiveReason.AUTO_INACTIVITY, List.of(), null));

        String draft = UUID.randomUUID().toString();
        var c = index.campaign(draft, T0.plus(ofHours(2)));
        live(c, new Created(draft, Channel.SMS, settings(null, 1), null));
        live(c, new Scheduled(draft, T0.plus(ofDays(2))));
        live(c, new Unscheduled(draft, T0.plus(ofDays(2))));
        live(c, new Deleted(draft));

        Map<String, List<Map<String, Object>>> built = snapshot();
        assertThat(built.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());
        return built;
    }

    private void live(ProjectionHarness<CampaignIndexProjection>.Timeline timeline, CampaignEvent event) {
        log.add(timeline.after(ofMinutes(3)).publish(event));
    }

    boolean isPostgres() {
        return database.jdbc().execute((org.springframework.jdbc.core.ConnectionCallback<String>)
                c -> c.getMetaData().getDatabaseProductName()).equals("PostgreSQL");
    }

    /**
     * The index table's indexes, primary key included: on PostgreSQL each one's definition (so an index built again
     * after a replay must keep its columns and, for a partial index, its condition), on H2 their names.
     */
    List<String> indexes() {
        if (isPostgres()) {
            return database.jdbc().queryForList("SELECT indexdef FROM pg_indexes WHERE tablename = 'campaign_index' "
                    + "AND schemaname = current_schema() ORDER BY indexname", String.class);
        }
        return database.jdbc().execute((org.springframework.jdbc.core.ConnectionCallback<List<String>>) c -> {
            List<String> names = new ArrayList<>();
            String table = isPostgres() ? "campaign_index" : "CAMPAIGN_INDEX";
            try (var rs = c.getMetaData().getIndexInfo(null, null, table, false, false)) {
                while (rs.next()) {
                    if (rs.getString("INDEX_NAME") != null && !names.contains(rs.getString("INDEX_NAME").toLowerCase())) {
                        names.add(rs.getString("INDEX_NAME").toLowerCase());
                    }
                }
            }
            return names.stream().sorted().toList();
        });
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            // A counter at zero counts the same as none: a batch whose moves cancel out creates no row.
            String where = table.equals("campaign_tab_count") ? " WHERE campaigns <> 0" : "";
            tables.put(table, database.jdbc().queryForList("SELECT * FROM " + table + where + " ORDER BY 1, 2"));
        }
        return tables;
    }

    private static ActivityRecorded activity(String id, ActivityRecord... records) {
        return new ActivityRecorded(id, List.of(records));
    }

    private ActivityRecord rec(ActivityType type, String contact, Long cost, String caller) {
        return new ActivityRecord("r" + ++records, type, T0.plus(ofDays(1)).plusSeconds(records),
                contact == null ? null : ContactId.of(contact), null, null, null, null, cost, caller, null, null);
    }

    private static CampaignSettings settings(String office, int contacts) {
        return CampaignSettings.builder().name("Replayed " + office).office(office)
                .contactList(new ContactList("list", "Replay list", contacts)).build();
    }
}
