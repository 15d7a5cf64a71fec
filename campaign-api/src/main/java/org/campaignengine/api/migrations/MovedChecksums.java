package org.campaignengine.api.migrations;

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

/**
 * A Flyway callback that, before validating, moves the checksums a database recorded for a migration's
 * former text to its current text's: exactly those (version, former checksum) pairs, nothing else, so any
 * other mismatch still fails validation. For migrations whose text changed without a statement changing.
 */
abstract class MovedChecksums implements Callback {

    /** A migration whose text changed: the checksum its former text recorded, and the current text's. */
    record Move(String version, int former, int current) {
    }

    private static final Logger log = LoggerFactory.getLogger(MovedChecksums.class);

    private final List<Move> moves;
    private final String formerText;

    /** @param formerText what the former text was, for the log: "its former H2 copy" */
    MovedChecksums(List<Move> moves, String formerText) {
        this.moves = moves;
        this.formerText = formerText;
    }

    /** Whether this database may hold the former checksums at all. */
    boolean appliesTo(Connection connection) throws SQLException {
        return true;
    }

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
            if (!appliesTo(connection) || !exists(connection, table)) {
                return;
            }
            String update = "UPDATE \"" + table + "\" SET \"checksum\" = ? WHERE \"version\" = ? AND \"checksum\" = ?";
            try (PreparedStatement statement = connection.prepareStatement(update)) {
                for (Move move : moves) {
                    statement.setInt(1, move.current());
                    statement.setString(2, move.version());
                    statement.setInt(3, move.former());
                    if (statement.executeUpdate() > 0) {
                        log.info("Migration V{} was applied from {}; recorded the current text's checksum",
                                move.version(), formerText);
                    }
                }
            }
        } catch (SQLException e) {
            throw new FlywayException("cannot record the current migrations' checksums in " + table, e);
        }
    }

    @Override
    public String getCallbackName() {
        return getClass().getSimpleName();
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), table, null)) {
            return tables.next();
        }
    }
}
