package org.campaignengine.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.campaignengine.domain.audit.AuditRecord.CampaignExported;
import org.campaignengine.domain.campaign.ArchiveReason;
import org.campaignengine.domain.campaign.CampaignEvent;
import org.campaignengine.domain.campaign.CampaignEvent.ActivityRecorded;
import org.campaignengine.domain.campaign.CampaignEvent.Archived;
import org.campaignengine.domain.campaign.CampaignEvent.Created;
import org.campaignengine.domain.campaign.CampaignEvent.Paused;
import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.projections.ProjectionDatabase;
import org.campaignengine.projections.ProjectionHarness;
import org.campaignengine.projections.audit.AuditTrail.Entry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The audit trail fed real events as a tracking processor hands them over (with their global position):
 * who did what to which campaign, filtered by actor, type and time, newest first, one page at a time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditTrailContract {

    static final Instant T0 = Instant.parse("2026-05-04T10:00:00Z");
    static final CampaignSettings SETTINGS = CampaignSettings.builder().name("Audit canvass").office("Boston").build();

    private ProjectionDatabase database;
    private ProjectionHarness<AuditTrailProjection> trail;
    private long position;
    /** Events whose own position differs from their token's, as for an event that committed late. */
    private final Map<String, Long> late = new HashMap<>();

    abstract ProjectionDatabase openDatabase();

    @BeforeAll
    void open() {
        database = openDatabase();
        EventPositions tokens = EventPositions.fromTokens();
        trail = new ProjectionHarness<>(new AuditTrailProjection(database.jdbc(), events -> {
            Map<String, Long> own = new HashMap<>(tokens.of(events));
            late.forEach((id, at) -> own.computeIfPresent(id, (key, token) -> at));
            return own;
        }));
    }

    @BeforeEach
    void empty() {
        trail.reset();
        position = 0;
        late.clear();
    }

    @AfterAll
    void close() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void the_trail_names_who_caused_each_event_of_every_campaign_newest_first() {
        trail.batch(List.of(
                domain("a", 0, new Created("a", Channel.SMS, SETTINGS, null), "ann", "req-1", 0),
                domain("b", 0, new Created("b", Channel.VOICE, SETTINGS, null), "bob", "req-2", 1),
                plain(new ActivityRecorded("a", List.of()), "sender", "req-3", 2),
                domain("a", 1, new Paused("a"), "ann", "req-4", 3),
                plain(new CampaignExported("b", "csv"), "auditor", "req-5", 4)));

        List<Entry> all = page(null, null, null, null, 0, 10).items();
        assertThat(all).extracting(Entry::type)
                .containsExactly("CampaignExported", "Paused", "ActivityRecorded", "Created", "Created");
        Entry paused = all.get(1);
        assertThat(paused.campaignId()).isEqualTo("a");
        assertThat(paused.sequence()).isEqualTo(1L);
        assertThat(paused.actor()).isEqualTo("ann");
        assertThat(paused.requestId()).isEqualTo("req-4");
        assertThat(paused.occurredAt()).isEqualTo(T0.plusSeconds(3 * 60));
        assertThat(paused.globalIndex()).isEqualTo(4);
        assertThat(all.get(0).campaignId()).isEqualTo("b");
        assertThat(all.get(0).sequence()).isNull();
        assertThat(all.get(2).sequence()).isNull();
    }

    @Test
    void filters_by_actor_type_and_time_range_combine() {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = "c" + i;
            events.add(domain(id, 0, new Created(id, Channel.SMS, SETTINGS, null), "ann", "r" + i, 2 * i));
            events.add(domain(id, 1, new Archived(id, ArchiveReason.MANUAL, List.of(), null), i % 2 == 0 ? "ann" : "bob",
                    "s" + i, 2 * i + 1));
        }
        trail.batch(events);

        assertThat(page("bob", null, null, null, 0, 10).items()).extracting(Entry::campaignId)
                .containsExactly("c5", "c3", "c1");
        assertThat(page("ann", "Archived", null, null, 0, 10).items()).extracting(Entry::campaignId)
                .containsExactly("c4", "c2", "c0");
        // archived in minutes 3, 5, 7, 9, 11: from minute 5 (inclusive) to minute 9 (exclusive)
        assertThat(page(null, "Archived", T0.plusSeconds(5 * 60), T0.plusSeconds(9 * 60), 0, 10).items())
                .extracting(Entry::campaignId).containsExactly("c3", "c2");
        assertThat(page(null, "Deleted", null, null, 0, 10).items()).isEmpty();
    }

    @Test
    void pages_say_whether_more_follow_without_counting_the_trail() {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = "p" + i;
            events.add(domain(id, 0, new Created(id, Channel.SMS, SETTINGS, null), "ann", "r" + i, i));
        }
        trail.batch(events);

        AuditTrail.Page first = page(null, null, null, null, 0, 2);
        assertThat(first.items()).extracting(Entry::campaignId).containsExactly("p4", "p3");
        assertThat(first.more()).isTrue();
        assertThat(page(null, null, null, null, 2, 2).items()).extracting(Entry::campaignId).containsExactly("p0");
        assertThat(page(null, null, null, null, 2, 2).more()).isFalse();
    }

    @Test
    void a_batch_handed_over_again_writes_nothing_twice_and_a_replay_rebuilds_the_same_trail() {
        List<EventMessage<?>> events = List.of(
                domain("r", 0, new Created("r", Channel.SMS, SETTINGS, null), "ann", "r1", 0),
                plain(new ActivityRecorded("r", List.of()), "sender", "r2", 1));
        trail.batch(events);
        trail.batch(events);
        List<Entry> live = page(null, null, null, null, 0, 10).items();
        assertThat(live).hasSize(2);

        trail.reset();
        assertThat(page(null, null, null, null, 0, 10).items()).isEmpty();
        trail.batch(events);
        assertThat(page(null, null, null, null, 0, 10).items()).isEqualTo(live);
        List<AuditTrail.Stored> batches = new ArrayList<>();
        new AuditTrail(database.jdbc()).activityBatches("r", batches::add);
        assertThat(batches).containsExactly(new AuditTrail.Stored(live.get(0).globalIndex(), live.get(0).eventId()));
    }

    @Test
    void an_event_that_committed_late_is_listed_at_its_own_position_not_at_the_tokens_highest() {
        position = 10;
        EventMessage<?> first = domain("g", 0, new Created("g", Channel.SMS, SETTINGS, null), "ann", "g1", 0);
        // committed late: the gap-aware token hands it over at 11, the highest position seen, though it is stored at 9
        position--;
        EventMessage<?> lateBatch = plain(new ActivityRecorded("g", List.of()), "sender", "g2", 1);
        late.put(lateBatch.getIdentifier(), 9L);
        trail.batch(List.of(first, lateBatch));

        List<Entry> listed = page(null, null, null, null, 0, 10).items();
        assertThat(listed).extracting(Entry::eventId, Entry::globalIndex)
                .containsExactly(tuple(lateBatch.getIdentifier(), 9L), tuple(first.getIdentifier(), 11L));
        List<AuditTrail.Stored> batches = new ArrayList<>();
        new AuditTrail(database.jdbc()).activityBatches("g", batches::add);
        assertThat(batches).containsExactly(new AuditTrail.Stored(9, lateBatch.getIdentifier()));
    }

    @Test
    void a_position_that_already_lists_another_event_fails_the_batch_instead_of_hiding_the_clash() {
        EventMessage<?> first = domain("k", 0, new Created("k", Channel.SMS, SETTINGS, null), "ann", "k1", 0);
        trail.batch(List.of(first));
        EventMessage<?> clashing = domain("k", 1, new Paused("k"), "ann", "k2", 1);
        late.put(clashing.getIdentifier(), 1L);

        assertThatThrownBy(() -> trail.batch(List.of(clashing)))
                .hasStackTraceContaining("holds event " + first.getIdentifier() + " at position 1");
        assertThat(page(null, null, null, null, 0, 10).items()).extracting(Entry::eventId)
                .containsExactly(first.getIdentifier());
    }

    private AuditTrail.Page page(String actor, String type, Instant from, Instant to, int page, int size) {
        return trail.ask(new ListAuditEvents(actor, type, from, to, page, size),
                ResponseTypes.instanceOf(AuditTrail.Page.class));
    }

    /** A campaign's lifecycle event at minute {@code minute}, as the store hands it to a tracking processor. */
    private EventMessage<?> domain(String campaign, long sequence, CampaignEvent event, String actor, String request,
                                   int minute) {
        GenericDomainEventMessage<CampaignEvent> message = new GenericDomainEventMessage<>("Campaign", campaign,
                sequence, event, audit(actor, request), "event-" + campaign + "-" + sequence + "-" + position,
                T0.plusSeconds(minute * 60L));
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(++position), message);
    }

    private EventMessage<?> plain(Object payload, String actor, String request, int minute) {
        GenericEventMessage<Object> message = new GenericEventMessage<>("plain-" + position, payload,
                audit(actor, request), T0.plusSeconds(minute * 60L));
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(++position), message);
    }

    private static MetaData audit(String actor, String request) {
        return MetaData.from(Map.of("actor", actor, "requestId", request));
    }
}
