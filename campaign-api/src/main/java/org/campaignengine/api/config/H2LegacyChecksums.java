package org.campaignengine.api.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
class H2LegacyChecksums implements Callback {

    /** A migration whose H2 copy was replaced: the checksum it recorded, and the portable copy's. */
    record Replaced(String version, int h2Copy, int portable) {
    }

    static final List<Replaced> REPLACED = List.of(
            new Replaced("2", 114433266, 1801614936),
            new Replaced("3", 1446984166, 1662152588),
            new Replaced("4", 1820319980, 307581478));

    private static final Logger log = LoggerFactory.getLogger(H2LegacyChecksums.class);

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        String table = context.getConfiguration().getTable();
        try {
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName()) || !exists(connection, table)) {
                return;
            }
            String update = "UPDATE \"" + table + "\" SET \"checksum\" = ? WHERE \"version\" = ? AND \"checksum\" = ?";
            try (PreparedStatement statement = connection.prepareStatement(update)) {
                for (Replaced replaced : REPLACED) {
                    statement.setInt(1, replaced.portable());
                    statement.setString(2, replaced.version());
                    statement.setInt(3, replaced.h2Copy());
                    if (statement.executeUpdate() > 0) {
                        log.info("Migration V{} was applied from its former H2 copy; recorded the portable copy's "
                                + "checksum", replaced.version());
                    }
                }
            }
        } catch (SQLException e) {
            throw new FlywayException("cannot record the portable migrations' checksums in " + table, e);
        }
    }

    @Override
    public String getCallbackName() {
        return "H2LegacyChecksums";
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), table, null)) {
            return tables.next();
        }
    }
}
