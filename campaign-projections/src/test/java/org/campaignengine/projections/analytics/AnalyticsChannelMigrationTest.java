package org.campaignengine.projections.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V22 gives analytics rows written before it the channel the status index holds, so an SMS campaign kept
 * from before loses its voice figures at once and a VOICE one keeps them, without a replay.
 */
class AnalyticsChannelMigrationTest {

    @Test
    void rows_from_before_the_channel_column_take_the_status_indexs_channel() {
        DataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:analytics_channel_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        try {
            flyway(dataSource, "18").migrate();
            String sms = UUID.randomUUID().toString();
            String voice = UUID.randomUUID().toString();
            String unindexed = UUID.randomUUID().toString();
            indexed(jdbc, sms, "SMS");
            indexed(jdbc, voice, "VOICE");
            for (String id : new String[] {sms, voice, unindexed}) {
                jdbc.update("INSERT INTO analytics_campaign (campaign_id, contact_total, version) VALUES (?, 3, 0)", id);
            }

            flyway(dataSource, "latest").migrate();

            AnalyticsCampaigns campaigns = new AnalyticsCampaigns(jdbc);
            assertThat(campaigns.find(sms).orElseThrow().analytics(null).voice()).isNull();
            assertThat(campaigns.find(voice).orElseThrow().analytics(null).voice())
                    .isEqualTo(new Analytics.Voice(0, 3, 0));
            assertThat(campaigns.find(unindexed).orElseThrow().channel()).as("unknown to the index").isNull();
            assertThat(campaigns.find(unindexed).orElseThrow().analytics(null).voice()).isNull();
        } finally {
            jdbc.execute("SHUTDOWN");
        }
    }

    private static Flyway flyway(DataSource dataSource, String target) {
        return Flyway.configure().dataSource(dataSource).target(target)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load();
    }

    private static void indexed(JdbcTemplate jdbc, String id, String channel) {
        jdbc.update("INSERT INTO campaign_index (id, channel, status, name, settings, phone_numbers, created_at, "
                + "updated_at, version, row_key) VALUES (?, ?, 'DRAFT', 'Kept from before', '{}', '[]', "
                + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0, CAST(? AS UUID))", id, channel, id);
    }
}
