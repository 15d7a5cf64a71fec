package org.campaignengine.api.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.campaignengine.api.eventstore.AxonTables;
import org.campaignengine.api.eventstore.ChainedAppend;
import org.campaignengine.api.eventstore.EventLinks;
import org.campaignengine.api.migrations.MigrationStep;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

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
        AxonTables table = new AxonTables(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
        try (PreparedStatement write = connection.prepareStatement(ChainedAppend.INSERT_LINK)) {
            Chains chains = new Chains(write);
            table.inChainOrder(FLUSH_EVERY, chains::link);
            chains.flush();
        }
    }

    /** Links rows read chain by chain in sequence order, writing {@link #FLUSH_EVERY} links at a time. */
    private static final class Chains {
        private final PreparedStatement write;
        private String chain;
        private String previous = EventLinks.GENESIS;
        private int pending;

        Chains(PreparedStatement write) {
            this.write = write;
        }

        void link(EventLinks.Row row) throws SQLException {
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
                flush();
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                write.executeBatch();
                pending = 0;
            }
        }
    }
}
