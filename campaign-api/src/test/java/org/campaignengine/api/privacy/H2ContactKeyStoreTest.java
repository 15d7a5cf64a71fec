package org.campaignengine.api.privacy;

import java.util.UUID;

import org.campaignengine.api.store.MigratedDatabase;

import com.zaxxer.hikari.HikariDataSource;

/** {@link ContactKeyStoreContract} on H2. */
class H2ContactKeyStoreTest extends ContactKeyStoreContract {

    @Override
    HikariDataSource storeAt(String version) {
        return MigratedDatabase.open("jdbc:h2:mem:kek_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "h2", version);
    }

    @Override
    String vendor() {
        return "h2";
    }
}
