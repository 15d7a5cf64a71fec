package org.campaignengine.api.eventstore;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.campaignengine.api.store.MigratedDatabase;
import org.campaignengine.testsupport.FreshDatabase;
import org.campaignengine.testsupport.PostgresTest;
import org.junit.jupiter.api.AfterEach;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** {@link AxonTablesContract} on PostgreSQL, each database of its own and dropped after the test. */
@PostgresTest
class PostgresAxonTablesTest extends AxonTablesContract {

    private final List<FreshDatabase> databases = new ArrayList<>();

    @Override
    HikariDataSource migrated() {
        return MigratedDatabase.open(fresh().jdbcUrl(), "postgresql");
    }

    @Override
    HikariDataSource empty() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(fresh().jdbcUrl());
        return new HikariDataSource(config);
    }

    @Override
    EventTableFactory axonTables() {
        return PostgresEventTableFactory.INSTANCE;
    }

    private FreshDatabase fresh() {
        FreshDatabase database = FreshDatabase.create();
        databases.add(database);
        return database;
    }

    @AfterEach
    void drop() {
        databases.forEach(FreshDatabase::close);
    }

    @Override
    TokenTableFactory axonTokenTables() {
        return PostgresTokenTableFactory.INSTANCE;
    }
}
