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
 * Lets a database migrated before the first-line comments of V6, V8, V9, V10 and V11 were reworded start
 * again. Those comments named documents that were never part of the repository; they now point at
 * {@code docs/lifecycle.md} and {@code docs/api.md}. Only the comments changed, not a statement, but Flyway's
 * checksum covers every line, so a database that applied the former text records other checksums and
 * Flyway would refuse to start.
 *
 * <p>Before validating, this moves exactly the checksums the former text recorded to the reworded text's
 * checksums, on H2 and PostgreSQL alike (a comment's checksum does not depend on the database). Any other
 * mismatch still fails validation.
 */
@Component
class RewordedMigrationChecksums implements Callback {

    /** A migration whose comment was reworded: the checksum its former text recorded, and today's. */
    record Reworded(String version, int former, int current) {
    }

    static final List<Reworded> REWORDED = List.of(
            new Reworded("6", 794804696, -994609841),
            new Reworded("8", -302764509, 471554846),
            new Reworded("9", 924502737, -441105741),
            new Reworded("10", 260248856, 1501182153),
            new Reworded("11", 337051880, 624375423));

    private static final Logger log = LoggerFactory.getLogger(RewordedMigrationChecksums.class);

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
            if (!exists(connection, table)) {
                return;
            }
            String update = "UPDATE \"" + table + "\" SET \"checksum\" = ? WHERE \"version\" = ? AND \"checksum\" = ?";
            try (PreparedStatement statement = connection.prepareStatement(update)) {
                for (Reworded reworded : REWORDED) {
                    statement.setInt(1, reworded.current());
                    statement.setString(2, reworded.version());
                    statement.setInt(3, reworded.former());
                    if (statement.executeUpdate() > 0) {
                        log.info("Migration V{} was applied with its former comment; recorded the reworded text's "
                                + "checksum", reworded.version());
                    }
                }
            }
        } catch (SQLException e) {
            throw new FlywayException("cannot record the reworded migrations' checksums in " + table, e);
        }
    }

    @Override
    public String getCallbackName() {
        return "RewordedMigrationChecksums";
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), table, null)) {
            return tables.next();
        }
    }
}
