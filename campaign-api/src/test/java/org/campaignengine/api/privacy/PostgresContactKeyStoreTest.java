package org.campaignengine.api.privacy;

import java.util.ArrayList;
import java.util.List;

import org.campaignengine.api.store.MigratedDatabase;
import org.campaignengine.testsupport.FreshDatabase;
import org.campaignengine.testsupport.PostgresTest;
import org.junit.jupiter.api.AfterEach;

import com.zaxxer.hikari.HikariDataSource;

/** {@link ContactKeyStoreContract} on PostgreSQL, each test in a database of its own, dropped after it. */
@PostgresTest
class PostgresContactKeyStoreTest extends ContactKeyStoreContract {

    private final List<FreshDatabase> databases = new ArrayList<>();

    @Override
    HikariDataSource storeAt(String version) {
        FreshDatabase database = FreshDatabase.create();
        databases.add(database);
        return MigratedDatabase.open(database.jdbcUrl(), "postgresql", version);
    }

    @Override
    String vendor() {
        return "postgresql";
    }

    @AfterEach
    void drop() {
        databases.forEach(FreshDatabase::close);
        databases.clear();
    }
}
