package org.campaignengine.api.readmodels.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.campaignengine.api.store.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Migrations 25 and 25.1 on a store an engine of version 24.2 left: the contacts and conversations rows are
 * given their campaign's activityVersion (the records it has kept), so a read naming the version the intake
 * answers after the upgrade is not left waiting for records the models applied before it.
 */
class ActivityVersionsMigrationTest {

    @Test
    void rows_written_before_the_count_start_from_their_campaigns_activity_version() {
        try (HikariDataSource store = MigratedDatabase.open("jdbc:h2:mem:versions_" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "h2", "24.2")) {
            JdbcTemplate jdbc = new JdbcTemplate(store);
            jdbc.update("INSERT INTO campaign_activity_count (campaign_id, records) VALUES ('c-1', 7)");
            jdbc.update("INSERT INTO contacts_campaign (campaign_id, office, version) VALUES ('c-1', 'Boston', 3)");
            jdbc.update("INSERT INTO conversations_campaign (campaign_id, office, version) VALUES ('c-1', 'Boston', 3)");
            jdbc.update("INSERT INTO conversations_campaign (campaign_id, office, version) VALUES ('c-2', NULL, 0)");

            MigratedDatabase.migrate(store, "h2", "latest");

            assertThat(jdbc.queryForObject("SELECT activity_records FROM contacts_campaign WHERE campaign_id = 'c-1'",
                    Long.class)).isEqualTo(7);
            assertThat(jdbc.queryForObject("SELECT activity_records FROM conversations_campaign "
                    + "WHERE campaign_id = 'c-1'", Long.class)).isEqualTo(7);
            assertThat(jdbc.queryForObject("SELECT activity_records FROM conversations_campaign "
                    + "WHERE campaign_id = 'c-2'", Long.class)).as("no records kept").isZero();
        }
    }
}
