package org.campaignengine.api.audit;

import java.time.Instant;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.campaignengine.domain.campaign.CampaignEvent.ActivityRecorded;
import org.springframework.jdbc.core.JdbcTemplate;

/** A batch read by its primary key from the engine's own event table, {@code DomainEventEntry}. */
public class TableBatches implements StoredBatches {

    private final JdbcTemplate jdbc;
    private final Serializer events;

    public TableBatches(JdbcTemplate jdbc, Serializer eventSerializer) {
        this.jdbc = jdbc;
        this.events = eventSerializer;
    }

    @Override
    public Batch at(long position) {
        return jdbc.queryForObject("SELECT payload, payloadType, payloadRevision, metaData, timeStamp "
                + "FROM DomainEventEntry WHERE globalIndex = ?", (rs, n) -> {
            ActivityRecorded batch = events.deserialize(new SimpleSerializedObject<>(rs.getBytes(1), byte[].class,
                    rs.getString(2), rs.getString(3)));
            byte[] meta = rs.getBytes(4);
            MetaData metaData = meta == null ? MetaData.emptyInstance()
                    : events.deserialize(new SimpleSerializedObject<>(meta, byte[].class, MetaData.class.getName(), null));
            return new Batch(batch, Instant.parse(rs.getString(5)), metaData);
        }, position);
    }
}
