package org.campaignengine.api.eventstore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.campaignengine.projections.tables.KeyLookup;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's reads of Axon's own tables, the events and the processors' tokens, named as Axon's
 * {@link EventSchema} and {@link TokenSchema} name them: Axon's JDBC engine and token store write them, so
 * the engine's queries on them are here, where {@code H2AxonTablesTest} and {@code PostgresAxonTablesTest}
 * run them against tables and rows Axon made itself. No other class names Axon's tables or columns: the
 * tamper check's joins with the engine's own tables ({@code event_link}, {@code chain_anchor}, the audit
 * trail's {@code audit_event}) are here too, and migration 14.2's rewrite of stored payloads, the one write.
 */
public final class AxonTables {

    /** The schema the engine's {@code JdbcEventStorageEngine} is built with: Axon's defaults. */
    public static final EventSchema SCHEMA = new EventSchema();

    static final String TABLE = SCHEMA.domainEventTable();

    /** The schema of Axon's auto-configured {@code JdbcTokenStore}: its defaults. */
    static final TokenSchema TOKENS = TokenSchema.builder().build();

    /** The columns an event's link covers ({@link EventLinks.Row}), as {@link #row} reads them. */
    static final List<String> LINKED_COLUMNS = List.of(SCHEMA.eventIdentifierColumn(),
            SCHEMA.aggregateIdentifierColumn(), SCHEMA.sequenceNumberColumn(), SCHEMA.typeColumn(),
            SCHEMA.timestampColumn(), SCHEMA.payloadTypeColumn(), SCHEMA.payloadRevisionColumn(),
            SCHEMA.payloadColumn(), SCHEMA.metaDataColumn());

    /** What is done with each stored event, in the order read. */
    @FunctionalInterface
    public interface RowHandler {
        void handle(EventLinks.Row row) throws SQLException;
    }

    /** What is done with each thing read, in the order read. */
    @FunctionalInterface
    public interface Each<T> {
        void handle(T value) throws SQLException;
    }

    /**
     * An event's link (its {@code event_link} row) with what is stored of its event: {@code globalIndex} and
     * {@code row} are null when the event's row is gone; {@code anchoredIndex} is the global position its
     * anchor ({@code chain_anchor}) recorded, null if it was never anchored.
     */
    public record LinkedEvent(String eventId, String chainId, long chainSequence, String link, Long anchoredIndex,
                              Long globalIndex, EventLinks.Row row) {
    }

    /** A stored event by its position and identity in its aggregate's stream. */
    public record StoredEvent(long globalIndex, String eventId, String aggregateId, long sequence) {
    }

    /**
     * A global position where the store and the audit trail ({@code audit_event}) differ: the event stored
     * there and the one the trail lists there, each null when there is none.
     */
    public record TrailPosition(long globalIndex, String storedEventId, String listedEventId) {
    }

    /**
     * A segment of a processor as the token store keeps it: the node that holds its claim ({@code owner}, null
     * when none does), the token it stored (null before its first) and when the claim was last renewed (Axon's
     * ISO-8601 text; null when never claimed).
     */
    public record SegmentClaim(int segment, String owner, TrackingToken token, String claimedAt) {
    }

    private final JdbcTemplate jdbc;

    public AxonTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored event of this identifier (a unique key), if there is one. */
    public Optional<EventLinks.Row> event(String eventId) {
        return jdbc.query("SELECT " + linkedColumns("") + " FROM " + TABLE + " WHERE " + SCHEMA.eventIdentifierColumn()
                + " = ?", (rs, n) -> row(rs), eventId).stream().findFirst();
    }

    /** The global position of each of these events that is stored, a few hundred identifiers per query. */
    public Map<String, Long> positions(Collection<String> eventIds) {
        Map<String, Long> positions = new HashMap<>();
        new KeyLookup(jdbc).byUniqueKey(SCHEMA.eventIdentifierColumn() + ", " + SCHEMA.globalIndexColumn(), TABLE,
                SCHEMA.eventIdentifierColumn(), String.class, eventIds, rs -> {
                    positions.put(rs.getString(1), rs.getLong(2));
                });
        return positions;
    }

    /** Every stored event, aggregate by aggregate in sequence order, read {@code fetchSize} rows at a time. */
    public void inChainOrder(int fetchSize, RowHandler handler) {
        JdbcTemplate reading = new JdbcTemplate(jdbc.getDataSource());
        reading.setFetchSize(fetchSize);
        reading.query("SELECT " + linkedColumns("") + " FROM " + TABLE + " ORDER BY "
                + SCHEMA.aggregateIdentifierColumn() + ", " + SCHEMA.sequenceNumberColumn(), rs -> {
            handler.handle(row(rs));
        });
    }

    /**
     * Every event link ({@code event_link}) in chain order, each with its event's stored row if it is still
     * there and the position its anchor recorded; read as the template's fetch size allows.
     */
    public void linksInChainOrder(Each<LinkedEvent> each) {
        jdbc.query("SELECT l.event_id AS linked_event, l.chain_id, l.chain_seq, l.link, "
                + "a.global_index AS anchored_index, e." + SCHEMA.globalIndexColumn() + ", " + linkedColumns("e.") + " FROM event_link l "
                + "LEFT JOIN " + TABLE + " e ON e." + SCHEMA.eventIdentifierColumn() + " = l.event_id "
                + "LEFT JOIN chain_anchor a ON a.event_id = l.event_id "
                + "ORDER BY l.chain_id, l.chain_seq", rs -> {
            long globalIndex = rs.getLong(SCHEMA.globalIndexColumn());
            boolean stored = !rs.wasNull();
            long anchoredIndex = rs.getLong("anchored_index");
            boolean anchored = !rs.wasNull();
            each.handle(new LinkedEvent(rs.getString("linked_event"), rs.getString("chain_id"),
                    rs.getLong("chain_seq"), rs.getString("link"), anchored ? anchoredIndex : null,
                    stored ? globalIndex : null, stored ? row(rs) : null));
        });
    }

    /** The stored events that have no link ({@code event_link}): rows added outside the engine, by position. */
    public void unlinked(Each<StoredEvent> each) {
        jdbc.query("SELECT e." + SCHEMA.globalIndexColumn() + ", e." + SCHEMA.eventIdentifierColumn() + ", e."
                + SCHEMA.aggregateIdentifierColumn() + ", e." + SCHEMA.sequenceNumberColumn() + " FROM " + TABLE
                + " e WHERE NOT EXISTS (SELECT 1 FROM event_link l WHERE l.event_id = e."
                + SCHEMA.eventIdentifierColumn() + ") ORDER BY e." + SCHEMA.globalIndexColumn(), rs -> {
            each.handle(new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
        });
    }

    /**
     * The stored events up to position {@code upTo} that the audit trail does not list at their position (it
     * lists none there, or another event), by position.
     */
    public void unlistedUpTo(long upTo, Each<TrailPosition> each) {
        String index = "e." + SCHEMA.globalIndexColumn();
        String id = "e." + SCHEMA.eventIdentifierColumn();
        jdbc.query("SELECT " + index + ", " + id + ", a.event_id FROM " + TABLE + " e "
                + "LEFT JOIN audit_event a ON a.global_index = " + index + " "
                + "WHERE " + index + " <= ? AND (a.event_id IS NULL OR a.event_id <> " + id + ") "
                + "ORDER BY " + index, rs -> {
            each.handle(new TrailPosition(rs.getLong(1), rs.getString(2), rs.getString(3)));
        }, upTo);
    }

    /**
     * The audit trail's rows that list an event at a position where the store holds none, or, beyond position
     * {@code upTo}, holds another event, by position.
     */
    public void listedAmiss(long upTo, Each<TrailPosition> each) {
        String id = "e." + SCHEMA.eventIdentifierColumn();
        jdbc.query("SELECT a.global_index, " + id + ", a.event_id FROM audit_event a "
                + "LEFT JOIN " + TABLE + " e ON e." + SCHEMA.globalIndexColumn() + " = a.global_index "
                + "WHERE " + id + " IS NULL OR (a.global_index > ? AND " + id + " <> a.event_id) "
                + "ORDER BY a.global_index", rs -> {
            each.handle(new TrailPosition(rs.getLong(1), rs.getString(2), rs.getString(3)));
        }, upTo);
    }

    /** How many stored events beyond position {@code upTo} the audit trail does not list yet. */
    public long unlistedAfter(long upTo) {
        String index = "e." + SCHEMA.globalIndexColumn();
        return count("SELECT COUNT(*) FROM " + TABLE + " e WHERE " + index + " > ? "
                + "AND NOT EXISTS (SELECT 1 FROM audit_event a WHERE a.global_index = " + index + ")", upTo);
    }

    /** How many events are stored. */
    public long eventCount() {
        return count("SELECT COUNT(*) FROM " + TABLE);
    }

    /** The global position of the last stored event; -1 when none is stored. */
    public long lastPosition() {
        return count("SELECT COALESCE(MAX(" + SCHEMA.globalIndexColumn() + "), -1) FROM " + TABLE);
    }

    /**
     * When the first event stored after this global position was made (its timestamp, as Axon wrote it);
     * empty when none is stored after it. How far behind in time a processor at that position is.
     */
    public Optional<Instant> madeAfter(long position) {
        return jdbc.query("SELECT " + SCHEMA.timestampColumn() + " FROM " + TABLE + " WHERE "
                        + SCHEMA.globalIndexColumn() + " > ? ORDER BY " + SCHEMA.globalIndexColumn() + " LIMIT 1",
                (rs, n) -> rs.getString(1), position).stream().findFirst().map(DateTimeUtils::parseInstant);
    }

    /** The global positions of the stored events of this payload type (a class name), in order. */
    public List<Long> positionsOf(String payloadType) {
        return jdbc.queryForList("SELECT " + SCHEMA.globalIndexColumn() + " FROM " + TABLE + " WHERE "
                + SCHEMA.payloadTypeColumn() + " = ? ORDER BY " + SCHEMA.globalIndexColumn(), Long.class, payloadType);
    }

    /** The stored payload of the event at this global position (which must hold one). */
    public byte[] payloadAt(long globalIndex) {
        return jdbc.queryForObject("SELECT " + SCHEMA.payloadColumn() + " FROM " + TABLE + " WHERE "
                + SCHEMA.globalIndexColumn() + " = ?", byte[].class, globalIndex);
    }

    /**
     * Replaces the stored payload of the event at this global position: the one write of Axon's table outside
     * its engine, for migration 14.2 only, which runs before the stored events are linked into their chains.
     */
    public void replacePayload(long globalIndex, byte[] payload) {
        jdbc.update("UPDATE " + TABLE + " SET " + SCHEMA.payloadColumn() + " = ? WHERE "
                + SCHEMA.globalIndexColumn() + " = ?", payload, globalIndex);
    }

    /**
     * The token each segment of a processor stored, as the token store wrote it with {@code serializer};
     * {@code null} for a segment that has stored none yet.
     */
    public List<TrackingToken> tokens(String processorName, Serializer serializer) {
        return jdbc.query("SELECT " + TOKENS.tokenColumn() + ", " + TOKENS.tokenTypeColumn() + " FROM "
                + TOKENS.tokenTable() + " WHERE " + TOKENS.processorNameColumn() + " = ? ORDER BY "
                + TOKENS.segmentColumn(), (rs, n) -> {
            byte[] token = rs.getBytes(1);
            String type = rs.getString(2);
            return token == null || type == null ? null : serializer.<byte[], TrackingToken>deserialize(
                    new SimpleSerializedObject<>(token, byte[].class, type, null));
        }, processorName);
    }

    /** Every segment of a processor the token store holds, by segment, with its owner and token. */
    public List<SegmentClaim> segments(String processorName, Serializer serializer) {
        return jdbc.query("SELECT " + TOKENS.segmentColumn() + ", " + TOKENS.ownerColumn() + ", "
                + TOKENS.tokenColumn() + ", " + TOKENS.tokenTypeColumn() + ", " + TOKENS.timestampColumn() + " FROM "
                + TOKENS.tokenTable() + " WHERE " + TOKENS.processorNameColumn() + " = ? ORDER BY "
                + TOKENS.segmentColumn(), (rs, n) -> {
            byte[] token = rs.getBytes(3);
            String type = rs.getString(4);
            return new SegmentClaim(rs.getInt(1), rs.getString(2), token == null || type == null ? null
                    : serializer.<byte[], TrackingToken>deserialize(
                            new SimpleSerializedObject<>(token, byte[].class, type, null)), rs.getString(5));
        }, processorName);
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }

    /** The linked columns, each behind {@code alias} (such as {@code "e."}), for a query that joins the table. */
    public static String linkedColumns(String alias) {
        return alias + String.join(", " + alias, LINKED_COLUMNS);
    }

    /** The current row of a result that selected {@link #linkedColumns}. */
    public static EventLinks.Row row(ResultSet rs) throws SQLException {
        return new EventLinks.Row(rs.getString(SCHEMA.eventIdentifierColumn()),
                rs.getString(SCHEMA.aggregateIdentifierColumn()), rs.getLong(SCHEMA.sequenceNumberColumn()),
                rs.getString(SCHEMA.typeColumn()), rs.getString(SCHEMA.timestampColumn()),
                rs.getString(SCHEMA.payloadTypeColumn()), rs.getString(SCHEMA.payloadRevisionColumn()),
                rs.getBytes(SCHEMA.payloadColumn()), rs.getBytes(SCHEMA.metaDataColumn()));
    }
}
