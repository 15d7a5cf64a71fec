package org.campaignengine.api.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.JdbcException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The newest links of the streams' hash chains this node has seen, at most {@code size} streams (least recently
 * used go first): the link a stream's next event is chained from, so an append reads none. A link, once stored,
 * never changes, so a remembered one is right for its sequence number whatever happened since: an append whose
 * previous sequence number is not the remembered one reads the link it needs ({@link ChainedAppend}), and an
 * append behind another node's fails on the stream's taken sequence anyway. Links are remembered as they are read
 * ({@link #lastSequenceNumberFor}) and as this node's appends commit ({@link #committed}).
 */
public final class ChainHeads {

    private final ConnectionProvider connections;
    private final Cache<String, Head> heads;

    /** {@code size}: how many streams' newest links are kept; 0 keeps none. */
    public ChainHeads(ConnectionProvider connections, long size) {
        this.connections = connections;
        this.heads = Caffeine.newBuilder().maximumSize(size).executor(Runnable::run).build();
    }

    /** A chain's newest link. */
    record Head(long sequence, String link) {
    }

    /**
     * The last sequence number of {@code stream}, none if it has no event, read in one index look-up: every stored
     * event has its link, written in the event's own transaction. Its link is remembered.
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
        remember(stream, head);
        return Optional.of(head.sequence());
    }

    /** The link of {@code stream} at {@code sequence} if it is the newest this node remembers; else null. */
    String link(String stream, long sequence) {
        Head head = heads.getIfPresent(stream);
        return head != null && head.sequence() == sequence ? head.link() : null;
    }

    /** The link of {@code stream} at {@code sequence}, which a transaction of this node has committed. */
    void committed(String stream, long sequence, String link) {
        remember(stream, new Head(sequence, link));
    }

    private void remember(String stream, Head head) {
        heads.asMap().merge(stream, head, (kept, read) -> read.sequence() >= kept.sequence() ? read : kept);
    }
}
