package org.campaignengine.api.audit;

import java.time.Instant;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.campaignengine.api.eventstore.AxonTables;
import org.campaignengine.api.eventstore.EventLinks;
import org.campaignengine.domain.campaign.CampaignEvent.ActivityRecorded;
import org.campaignengine.projections.audit.AuditTrail;

/** A batch read by its event identifier (a unique key) from the engine's own event table ({@link AxonTables}). */
public class TableBatches implements StoredBatches {

    private static final String ACTIVITY = ActivityRecorded.class.getName();

    private final AxonTables table;
    private final Serializer events;

    public TableBatches(AxonTables table, Serializer eventSerializer) {
        this.table = table;
        this.events = eventSerializer;
    }

    @Override
    public Batch of(String campaignId, AuditTrail.Stored batch) {
        EventLinks.Row stored = table.event(batch.eventId())
                .orElseThrow(() -> StoredBatches.notTheBatch(campaignId, batch, "no such event"));
        String type = stored.payloadType();
        if (!ACTIVITY.equals(type)) {
            throw StoredBatches.notTheBatch(campaignId, batch, "a " + type.substring(type.lastIndexOf('.') + 1));
        }
        ActivityRecorded activity = StoredBatches.belongingTo(campaignId, batch,
                events.deserialize(stored.serializedPayload()));
        byte[] meta = stored.metaData();
        MetaData metaData = meta == null ? MetaData.emptyInstance()
                : events.deserialize(new SimpleSerializedObject<>(meta, byte[].class, MetaData.class.getName(), null));
        return new Batch(activity, Instant.parse(stored.timeStamp()), metaData);
    }
}
