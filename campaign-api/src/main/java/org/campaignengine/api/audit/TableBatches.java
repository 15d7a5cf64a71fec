package org.campaignengine.api.audit;

import java.time.Instant;
import java.util.Optional;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.campaignengine.domain.campaign.CampaignEvent.ActivityRecorded;
import org.campaignengine.projections.audit.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;

/** A batch read by its event identifier (a unique key) from the engine's own event table, {@code DomainEventEntry}. */
public class TableBatches implements StoredBatches {

    private static final String ACTIVITY = ActivityRecorded.class.getName();

    private final JdbcTemplate jdbc;
    private final Serializer events;

    public TableBatches(JdbcTemplate jdbc, Serializer eventSerializer) {
        this.jdbc = jdbc;
        this.events = eventSerializer;
    }

    @Override
    public Batch of(String campaignId, AuditTrail.Stored batch) {
        Optional<Batch> stored = jdbc.query("SELECT payload, payloadType, payloadRevision, metaData, timeStamp "
                + "FROM DomainEventEntry WHERE eventIdentifier = ?", (rs, n) -> {
            String type = rs.getString(2);
            if (!ACTIVITY.equals(type)) {
                throw StoredBatches.notTheBatch(campaignId, batch, "a " + type.substring(type.lastIndexOf('.') + 1));
            }
            ActivityRecorded activity = StoredBatches.belongingTo(campaignId, batch, events.deserialize(
                    new SimpleSerializedObject<>(rs.getBytes(1), byte[].class, type, rs.getString(3))));
            byte[] meta = rs.getBytes(4);
            MetaData metaData = meta == null ? MetaData.emptyInstance()
                    : events.deserialize(new SimpleSerializedObject<>(meta, byte[].class, MetaData.class.getName(), null));
            return new Batch(activity, Instant.parse(rs.getString(5)), metaData);
        }, batch.eventId()).stream().findFirst();
        return stored.orElseThrow(() -> StoredBatches.notTheBatch(campaignId, batch, "no such event"));
    }
}
