package org.campaignengine.api.audit;

import java.util.UUID;

import org.campaignengine.api.store.MigratedDatabase;

import com.zaxxer.hikari.HikariDataSource;

/** {@link AuditTrailUpgradeContract} on H2. */
class H2AuditTrailUpgradeTest extends AuditTrailUpgradeContract {

    @Override
    HikariDataSource storeAtVersion18() {
        return MigratedDatabase.open("jdbc:h2:mem:upgrade_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "h2", "18");
    }

    @Override
    String vendor() {
        return "h2";
    }
}
