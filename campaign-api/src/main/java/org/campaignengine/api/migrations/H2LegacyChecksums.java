package org.campaignengine.api.migrations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Lets an H2 database made before the migrations had one portable copy start again. V2, V3 and V4 were
 * written once per database; their PostgreSQL copy, unchanged, became the only one
 * ({@code db/migration/common}), so an H2 file that applied the old H2 copies records other checksums and
 * Flyway would refuse to start. Such a file keeps the columns the old copies made (BLOB, CLOB,
 * VARCHAR(100) where the portable copy makes VARBINARY and VARCHAR), which the engine reads alike.
 *
 * <p>Before validating, this moves exactly the recorded checksums of those old H2 copies to the portable
 * copies' checksums. Any other mismatch still fails validation; PostgreSQL databases are not touched,
 * their scripts did not change.
 */
@Component
class H2LegacyChecksums extends MovedChecksums {

    /** The old H2 copies' checksums ({@code former}) and the portable copies' ({@code current}). */
    static final List<Move> REPLACED = List.of(
            new Move("2", 114433266, 1801614936),
            new Move("3", 1446984166, 1662152588),
            new Move("4", 1820319980, 307581478));

    H2LegacyChecksums() {
        super(REPLACED, "its former H2 copy");
    }

    @Override
    boolean appliesTo(Connection connection) throws SQLException {
        return "H2".equals(connection.getMetaData().getDatabaseProductName());
    }
}
