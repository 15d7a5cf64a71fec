package org.campaignengine.api.readmodels.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.campaignengine.api.readmodels.ReadModelProgress;
import org.campaignengine.domain.campaign.CampaignEvent;
import org.campaignengine.domain.campaign.CampaignMessages;
import org.junit.jupiter.api.Test;

class ReadModelChangesTest {

    private final ReadModelProgress progress = new ReadModelProgress();

    @Test
    void an_activity_event_reports_its_campaign_from_the_envelope_without_reading_its_records() throws Exception {
        // a payload that cannot be read: reading it would fail the handler
        SimpleSerializedObject<byte[]> unreadable = new SimpleSerializedObject<>("{not json".getBytes(), byte[].class,
                CampaignEvent.ActivityRecorded.class.getName(), null);
        SimpleSerializedObject<byte[]> metaData = new SimpleSerializedObject<>(
                ("{\"" + CampaignMessages.CAMPAIGN_ID + "\":\"campaign-7\"}").getBytes(), byte[].class,
                MetaData.class.getName(), null);
        EventMessage<?> activity = new GenericEventMessage<>(new SerializedMessage<>("event-1", unreadable, metaData,
                JacksonSerializer.defaultSerializer()), java.time.Instant::now);

        CompletableFuture<Void> woken = handle(activity, "campaign-7");

        assertThat(woken).isCompleted();
    }

    @Test
    void an_event_about_no_campaign_wakes_no_reader() throws Exception {
        CompletableFuture<Void> woken = handle(GenericEventMessage.asEventMessage("not about a campaign")
                .andMetaData(Map.of()), "campaign-7");

        assertThat(woken).isNotCompleted();
    }

    private CompletableFuture<Void> handle(EventMessage<?> event, String waitingOn) throws Exception {
        CompletableFuture<Void> woken = progress.nextChange(waitingOn);
        DefaultUnitOfWork<EventMessage<?>> unit = DefaultUnitOfWork.startAndGet(event);
        unit.executeWithResult(() -> LiveUpdatesConfiguration.changes("audit-anchor", progress,
                SimpleQueryUpdateEmitter.builder().build()).handle(unit, () -> null));
        return woken;
    }
}
