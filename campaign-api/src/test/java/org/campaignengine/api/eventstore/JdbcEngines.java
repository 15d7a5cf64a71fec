package org.campaignengine.api.eventstore;

import javax.sql.DataSource;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/** Axon's JDBC storage engine on the engine's event table, outside Spring, as the tests of this package build it. */
final class JdbcEngines {

    private JdbcEngines() {
    }

    /** With Axon's defaults for the table; each test adds what it needs, such as the chained append. */
    static JdbcEventStorageEngine.Builder on(DataSource dataSource, Serializer serializer) {
        return JdbcEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .connectionProvider(dataSource::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(AxonTables.SCHEMA);
    }
}
