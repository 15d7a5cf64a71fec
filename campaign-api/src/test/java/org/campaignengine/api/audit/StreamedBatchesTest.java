package org.campaignengine.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.campaignengine.domain.campaign.CampaignEvent.ActivityRecorded;
import org.campaignengine.domain.campaign.CampaignEvent.Paused;
import org.campaignengine.projections.audit.AuditTrail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link StreamedBatches} on a store numbered as Axon Server numbers its events (from 0, a token at
 * {@code n} streaming from {@code n + 1}): Axon's in-memory engine.
 */
class StreamedBatchesTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final StreamedBatches batches = new StreamedBatches(store);
    private final List<String> ids = new ArrayList<>();

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void a_batch_is_read_at_its_global_position_with_its_metadata_and_time() {
        publish(GenericEventMessage.asEventMessage(new ActivityRecorded("c-1", List.of()))
                .andMetaData(Map.of(CampaignHistory.ACTOR, "first")));
        publish(GenericEventMessage.asEventMessage(new Paused("c-2")));
        publish(GenericEventMessage.asEventMessage(new ActivityRecorded("c-3", List.of()))
                .andMetaData(Map.of(CampaignHistory.ACTOR, "third")));

        StoredBatches.Batch first = batches.of("c-1", stored(0));
        assertThat(first.event().campaignId()).isEqualTo("c-1");
        assertThat(first.metaData().get(CampaignHistory.ACTOR)).isEqualTo("first");
        assertThat(first.recordedAt()).isNotNull();
        assertThat(batches.of("c-3", stored(2)).event().campaignId()).isEqualTo("c-3");
        assertThat(batches.of("c-3", stored(2)).metaData().get(CampaignHistory.ACTOR)).isEqualTo("third");
    }

    @Test
    void a_position_that_holds_no_batch_is_an_error_not_another_event() {
        publish(GenericEventMessage.asEventMessage(new ActivityRecorded("c-1", List.of())));
        publish(GenericEventMessage.asEventMessage(new Paused("c-1")));

        assertThatThrownBy(() -> batches.of("c-1", stored(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the store holds a Paused");
    }

    @Test
    void another_campaigns_batch_or_another_event_at_the_position_is_never_read_as_the_campaigns_own() {
        publish(GenericEventMessage.asEventMessage(new ActivityRecorded("c-1", List.of())));
        publish(GenericEventMessage.asEventMessage(new ActivityRecorded("c-2", List.of())));

        assertThatThrownBy(() -> batches.of("c-1", stored(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("campaign c-2's activity");
        assertThatThrownBy(() -> batches.of("c-1", new AuditTrail.Stored(1, ids.get(0))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("event " + ids.get(1) + " at that position");
    }

    private void publish(EventMessage<?> event) {
        ids.add(event.getIdentifier());
        store.publish(event);
    }

    private AuditTrail.Stored stored(int position) {
        return new AuditTrail.Stored(position, ids.get(position));
    }
}
