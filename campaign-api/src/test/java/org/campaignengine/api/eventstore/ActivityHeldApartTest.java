package org.campaignengine.api.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.campaignengine.api.store.MigratedDatabase;
import org.campaignengine.domain.campaign.ActivityRecord;
import org.campaignengine.domain.campaign.ActivityType;
import org.campaignengine.domain.campaign.CampaignEvent.ActivityRecorded;
import org.campaignengine.domain.campaign.CampaignMessages;
import org.campaignengine.domain.campaign.ContactId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The event store's head cache reads activity batches through {@link ActivityHeldApart}: each still carries
 * its records, metadata, token and time, but only the newest batches keep their records in memory; older ones
 * are read again from the event table when asked for.
 */
class ActivityHeldApartTest {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder().findAndAddModules().build()).build();
    private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");

    record Renamed(String name) {
    }

    private HikariDataSource database;
    private JdbcEventStorageEngine stored;

    @BeforeEach
    void store() {
        database = MigratedDatabase.open("jdbc:h2:mem:held_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "h2");
        stored = JdbcEngines.on(database, SERIALIZER).build();
        List<EventMessage<?>> events = new ArrayList<>();
        for (int batch = 0; batch < 5; batch++) {
            events.addAll(CampaignMessages.activity("c-" + batch % 2, List.of(record("r-" + batch + "-a"),
                    record("r-" + batch + "-b"))));
            events.add(new GenericDomainEventMessage<>("Campaign", "c-" + batch, 0, new Renamed("n-" + batch),
                    MetaData.with("by", "alice"), "renamed-" + batch, AT.plusSeconds(batch)));
        }
        stored.appendEvents(events);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void activity_read_at_the_head_carries_its_records_while_only_the_newest_batches_stay_in_memory() {
        ActivityHeldApart engine = heldApart(2);

        List<? extends TrackedEventMessage<?>> head = read(engine.readEvents(null, true));
        List<? extends TrackedEventMessage<?>> asStored = read(stored.readEvents(null, false));

        assertThat(engine.heldBatches()).isEqualTo(2);
        assertThat(head).hasSize(10);
        for (int i = 0; i < head.size(); i++) {
            TrackedEventMessage<?> read = head.get(i);
            TrackedEventMessage<?> expected = asStored.get(i);
            assertThat(read.getIdentifier()).isEqualTo(expected.getIdentifier());
            assertThat(read.trackingToken()).isEqualTo(expected.trackingToken());
            assertThat(read.getTimestamp()).isEqualTo(expected.getTimestamp());
            assertThat(read.getMetaData()).isEqualTo(expected.getMetaData());
            assertThat(read.getPayloadType()).isEqualTo(expected.getPayloadType());
            assertThat(read.getPayload()).isEqualTo(expected.getPayload());
            assertThat(CampaignMessages.campaignOf(read)).isEqualTo(CampaignMessages.campaignOf(expected));
        }
        List<ActivityRecorded> batches = head.stream().map(EventMessage::getPayload)
                .filter(ActivityRecorded.class::isInstance).map(ActivityRecorded.class::cast).toList();
        assertThat(batches).extracting(batch -> batch.records().get(0).recordId())
                .containsExactly("r-0-a", "r-1-a", "r-2-a", "r-3-a", "r-4-a");
        assertThat(engine.heldBatches()).isEqualTo(2);
    }

    @Test
    void a_batch_no_longer_held_is_read_again_from_the_table_each_time_it_is_asked_for() {
        ActivityHeldApart engine = heldApart(1);
        List<? extends TrackedEventMessage<?>> head = read(engine.readEvents(null, true));
        TrackedEventMessage<?> oldest = head.get(0);

        Object first = oldest.getPayload();
        Object again = oldest.getPayload();

        assertThat(first).isEqualTo(again).isNotSameAs(again);
        assertThat(((ActivityRecorded) first).records()).extracting(ActivityRecord::recordId)
                .containsExactly("r-0-a", "r-0-b");
        Object newest = head.get(8).getPayload();
        assertThat(newest).isSameAs(head.get(8).getPayload());
    }

    @Test
    void a_batch_keeps_its_records_through_new_metadata_and_serialises_them() {
        TrackedEventMessage<?> oldest = read(heldApart(1).readEvents(null, true)).get(0);

        EventMessage<?> noted = oldest.andMetaData(Map.of("note", "x"));

        assertThat(noted.getMetaData()).containsEntry("note", "x")
                .containsEntry(CampaignMessages.CAMPAIGN_ID, "c-0");
        assertThat(noted.getPayload()).isEqualTo(oldest.getPayload());
        assertThat(oldest.withMetaData(Map.of()).getPayload()).isEqualTo(oldest.getPayload());
        Object serialised = SERIALIZER.deserialize(oldest.serializePayload(SERIALIZER, byte[].class));
        assertThat(serialised).isEqualTo(oldest.getPayload());
    }

    @Test
    void a_processors_own_read_of_the_store_gets_the_events_as_stored_and_holds_nothing() {
        ActivityHeldApart engine = heldApart(1);

        List<? extends TrackedEventMessage<?>> own = read(engine.readEvents(null, false));

        assertThat(engine.heldBatches()).isZero();
        assertThat(own.stream().map(EventMessage::getPayload).collect(Collectors.toList()))
                .isEqualTo(read(stored.readEvents(null, false)).stream().map(EventMessage::getPayload).toList());
    }

    @Test
    void a_batch_no_longer_held_and_gone_from_the_table_fails_its_read_and_says_which() {
        TrackedEventMessage<?> oldest = read(heldApart(1).readEvents(null, true)).get(0);
        new JdbcTemplate(database).update("DELETE FROM " + AxonTables.TABLE + " WHERE "
                + AxonTables.SCHEMA.eventIdentifierColumn() + " = ?", oldest.getIdentifier());

        assertThatThrownBy(oldest::getPayload).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(oldest.getIdentifier());
    }

    @Test
    void at_least_one_batch_must_be_held() {
        assertThatThrownBy(() -> heldApart(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private ActivityHeldApart heldApart(int batches) {
        return new ActivityHeldApart(stored, new AxonTables(new JdbcTemplate(database)), SERIALIZER, batches);
    }

    private static List<? extends TrackedEventMessage<?>> read(Stream<? extends TrackedEventMessage<?>> events) {
        try (events) {
            return events.toList();
        }
    }

    private static ActivityRecord record(String id) {
        return new ActivityRecord(id, ActivityType.MESSAGE_SENT, AT, ContactId.of("contact-1"), null, null, null, null,
                null, null, List.of(), null);
    }
}
