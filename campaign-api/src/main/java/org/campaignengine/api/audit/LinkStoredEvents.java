package org.campaignengine.api.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.campaignengine.api.config.MigrationStep;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration 15: links the events stored before the chain existed (V14), chain by chain in sequence order,
 * from their stored bytes alone, so an engine upgraded with history has every event in its chain before
 * it appends the next. A new database has nothing to link.
 */
public class LinkStoredEvents extends MigrationStep {

    private static final int FLUSH_EVERY = 500;

    public LinkStoredEvents() {
        super("15", "link stored events");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement read = connection.createStatement();
             PreparedStatement write = connection.prepareStatement(ChainedAppend.INSERT_LINK)) {
            read.setFetchSize(FLUSH_EVERY);
            String chain = null;
            String previous = EventLinks.GENESIS;
            int pending = 0;
            try (ResultSet rs = read.executeQuery("SELECT " + StoredEvents.COLUMNS + " FROM DomainEventEntry "
                    + "ORDER BY aggregateIdentifier, sequenceNumber")) {
                while (rs.next()) {
                    EventLinks.Row row = StoredEvents.row(rs);
                    if (!row.aggregateId().equals(chain)) {
                        chain = row.aggregateId();
                        previous = EventLinks.GENESIS;
                    }
                    previous = EventLinks.link(previous, row);
                    write.setString(1, row.eventId());
                    write.setString(2, chain);
                    write.setLong(3, row.sequence());
                    write.setString(4, previous);
                    write.addBatch();
                    if (++pending == FLUSH_EVERY) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
    }
}
