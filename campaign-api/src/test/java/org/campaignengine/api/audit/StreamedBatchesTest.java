package org.campaignengine.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.campaignengine.domain.campaign.CampaignEvent.ActivityRecorded;
import org.campaignengine.domain.campaign.CampaignEvent.Paused;
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

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void a_batch_is_read_at_its_global_position_with_its_metadata_and_time() {
        store.publish(GenericEventMessage.asEventMessage(new ActivityRecorded("c-1", List.of()))
                .andMetaData(Map.of(CampaignHistory.ACTOR, "first")));
        store.publish(GenericEventMessage.asEventMessage(new Paused("c-2")));
        store.publish(GenericEventMessage.asEventMessage(new ActivityRecorded("c-3", List.of()))
                .andMetaData(Map.of(CampaignHistory.ACTOR, "third")));

        StoredBatches.Batch first = batches.at(0);
        assertThat(first.event().campaignId()).isEqualTo("c-1");
        assertThat(first.metaData().get(CampaignHistory.ACTOR)).isEqualTo("first");
        assertThat(first.recordedAt()).isNotNull();
        assertThat(batches.at(2).event().campaignId()).isEqualTo("c-3");
        assertThat(batches.at(2).metaData().get(CampaignHistory.ACTOR)).isEqualTo("third");
    }

    @Test
    void a_position_that_holds_no_batch_is_an_error_not_another_event() {
        store.publish(GenericEventMessage.asEventMessage(new ActivityRecorded("c-1", List.of())));
        store.publish(GenericEventMessage.asEventMessage(new Paused("c-1")));

        assertThatThrownBy(() -> batches.at(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no activity batch at 1");
    }
}
