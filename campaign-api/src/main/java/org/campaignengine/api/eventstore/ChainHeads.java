package org.campaignengine.api.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The newest link of a stream's hash chain, read in one index look-up: its sequence number is the stream's last
 * (every stored event has its link, written in the event's own transaction by {@link ChainedAppend}), and its
 * link is what the stream's next event is chained from. A command that checks a campaign it kept in memory reads
 * both at once, and the unit of work remembers the link, so the append that follows chains from it without
 * reading it again ({@link #remembered}).
 */
public final class ChainHeads {

    private static final String HEADS = ChainHeads.class.getName();

    private final ConnectionProvider connections;

    public ChainHeads(ConnectionProvider connections) {
        this.connections = connections;
    }

    /** A chain's newest link. */
    private record Head(long sequence, String link) {
    }

    /**
     * The last sequence number of {@code stream}, none if it has no event; inside a unit of work its link is kept
     * for the append that follows.
     */
    public Optional<Long> lastSequenceNumberFor(String stream) {
        Head head;
        try (Connection connection = connections.getConnection();
             PreparedStatement find = connection.prepareStatement(
                     "SELECT chain_seq, link FROM event_link WHERE chain_id = ? ORDER BY chain_seq DESC LIMIT 1")) {
            find.setString(1, stream);
            try (ResultSet rs = find.executeQuery()) {
                head = rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : null;
            }
        } catch (SQLException e) {
            throw new JdbcException("could not read the last link of stream " + stream, e);
        }
        if (head == null) {
            return Optional.empty();
        }
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().<Map<String, Head>>getOrComputeResource(HEADS, key -> new HashMap<>())
                    .put(stream, head);
        }
        return Optional.of(head.sequence());
    }

    /** The link of {@code stream} at {@code sequence} if this unit of work read it as the stream's newest; else null. */
    static String remembered(String stream, long sequence) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        Map<String, Head> heads = CurrentUnitOfWork.get().root().getResource(HEADS);
        Head head = heads == null ? null : heads.get(stream);
        return head != null && head.sequence() == sequence ? head.link() : null;
    }
}
