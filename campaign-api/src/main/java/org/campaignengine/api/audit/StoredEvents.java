package org.campaignengine.api.audit;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads an event table row as its link covers it: the one place that names those columns. */
final class StoredEvents {

    static final String COLUMNS = "eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, "
            + "payloadRevision, payload, metaData";

    private StoredEvents() {
    }

    static EventLinks.Row row(ResultSet rs) throws SQLException {
        return new EventLinks.Row(rs.getString("eventIdentifier"), rs.getString("aggregateIdentifier"),
                rs.getLong("sequenceNumber"), rs.getString("type"), rs.getString("timeStamp"),
                rs.getString("payloadType"), rs.getString("payloadRevision"), rs.getBytes("payload"),
                rs.getBytes("metaData"));
    }
}
