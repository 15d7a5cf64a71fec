package org.campaignengine.api.idempotency;

import java.util.UUID;

import org.campaignengine.api.store.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.zaxxer.hikari.HikariDataSource;

/** Idempotency-Key claims on the embedded store: one in-memory H2 shared by the "nodes" of this test. */
class H2IdempotencyStoreTest extends IdempotencyStoreScenarios {

    private static HikariDataSource database;

    @BeforeAll
    static void migrate() {
        database = MigratedDatabase.open("jdbc:h2:mem:idempotency-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "h2");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Override
    HikariDataSource database() {
        return database;
    }
}
