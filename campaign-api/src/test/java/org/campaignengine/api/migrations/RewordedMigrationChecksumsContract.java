package org.campaignengine.api.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;

import org.campaignengine.api.migrations.MovedChecksums.Move;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database migrated before the comments of V6, V8, V9, V10 and V11 were reworded records their former
 * checksums; it is simulated here by writing those checksums into a database migrated by today's scripts.
 * The former checksums were computed by Flyway from the scripts as they stood before the rewording.
 */
abstract class RewordedMigrationChecksumsContract {

    abstract DataSource dataSource();

    abstract String vendor();

    @Test
    void the_current_checksums_are_those_flyway_records_for_todays_scripts() {
        flyway().migrate();

        for (Move reworded : RewordedMigrationChecksums.REWORDED) {
            assertThat(checksum(reworded.version())).as("V" + reworded.version()).isEqualTo(reworded.current());
        }
    }

    @Test
    void a_database_migrated_with_the_former_comments_validates_after_its_checksums_are_moved() {
        flyway().migrate();
        RewordedMigrationChecksums.REWORDED.forEach(r -> recordChecksum(r.version(), r.former()));
        assertThatThrownBy(() -> flyway().validate()).hasMessageContaining("checksum mismatch");

        flyway(new RewordedMigrationChecksums()).migrate();

        for (Move reworded : RewordedMigrationChecksums.REWORDED) {
            assertThat(checksum(reworded.version())).as("V" + reworded.version()).isEqualTo(reworded.current());
        }
        flyway().validate();
    }

    @Test
    void any_other_checksum_mismatch_still_fails_validation() {
        flyway().migrate();
        recordChecksum("9", 42);

        assertThatThrownBy(() -> flyway(new RewordedMigrationChecksums()).migrate())
                .hasMessageContaining("checksum mismatch");
        assertThat(checksum("9")).isEqualTo(42);
    }

    private Flyway flyway(Callback... callbacks) {
        return Flyway.configure().dataSource(dataSource()).callbacks(callbacks)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor()).load();
    }

    private void recordChecksum(String version, int checksum) {
        new JdbcTemplate(dataSource()).update(
                "UPDATE \"flyway_schema_history\" SET \"checksum\" = ? WHERE \"version\" = ?", checksum, version);
    }

    private int checksum(String version) {
        return new JdbcTemplate(dataSource()).queryForObject(
                "SELECT \"checksum\" FROM \"flyway_schema_history\" WHERE \"version\" = ?", Integer.class, version);
    }
}
