package org.campaignengine.api.eventstore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.campaignengine.projections.tables.Chunks;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's reads of Axon's own tables, the events and the processors' tokens, named as Axon's
 * {@link EventSchema} and {@link TokenSchema} name them: Axon's JDBC engine and token store write them, so
 * the engine's queries on them are here, where {@code H2AxonTablesTest} and {@code PostgresAxonTablesTest}
 * run them against tables and rows Axon made itself.
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
        for (List<String> chunk : Chunks.of(List.copyOf(eventIds))) {
            jdbc.query("SELECT " + SCHEMA.eventIdentifierColumn() + ", " + SCHEMA.globalIndexColumn() + " FROM "
                    + TABLE + " WHERE " + SCHEMA.eventIdentifierColumn() + " IN (" + Chunks.placeholders(chunk) + ")",
                    rs -> {
                        positions.put(rs.getString(1), rs.getLong(2));
                    }, chunk.toArray());
        }
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
