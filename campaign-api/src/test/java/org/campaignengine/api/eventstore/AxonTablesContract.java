package org.campaignengine.api.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;
import org.campaignengine.api.audit.TrailCheck;

/**
 * The event table is Axon's: its JDBC engine makes it ({@link JdbcEventStorageEngine#createSchema}) and writes
 * it. The engine's Flyway migration must make the same table, and every query of {@link AxonTables} must
 * read what Axon's engine stored, so a change of Axon's schema or of its stored forms fails here.
 */
abstract class AxonTablesContract {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();

    record Noted(String text) {
    }

    /** A database migrated by the engine's Flyway migrations. */
    abstract HikariDataSource migrated();

    /** A database with no tables at all. */
    abstract HikariDataSource empty();

    /** Axon's own table definition for this database. */
    abstract EventTableFactory axonTables();

    /** Axon's own token table definition for this database. */
    abstract TokenTableFactory axonTokenTables();

    @Test
    void flyway_makes_the_event_table_axon_makes() throws SQLException {
        try (HikariDataSource flyway = migrated(); HikariDataSource axon = empty()) {
            stockEngine(axon).createSchema(axonTables());

            Table made = table(flyway, AxonTables.TABLE);
            Table axons = table(axon, AxonTables.TABLE);
            assertThat(made.columns()).isEqualTo(axons.columns());
            assertThat(made.uniqueKeys()).isEqualTo(axons.uniqueKeys())
                    .contains("[eventidentifier]", "[aggregateidentifier, sequencenumber]");
        }
    }

    @Test
    void flyway_makes_the_token_table_axon_makes() throws SQLException {
        try (HikariDataSource flyway = migrated(); HikariDataSource axon = empty()) {
            tokenStore(axon).createSchema(axonTokenTables());

            Table made = table(flyway, AxonTables.TOKENS.tokenTable());
            Table axons = table(axon, AxonTables.TOKENS.tokenTable());
            assertThat(made.columns()).isEqualTo(axons.columns());
            assertThat(made.uniqueKeys()).isEqualTo(axons.uniqueKeys()).contains("[processorname, segment]");
        }
    }

    /**
     * The trail's check reads what each segment has handled from the tokens Axon's token store wrote: a
     * gap-aware token's index and gaps, through the replay token that wraps it during a replay.
     */
    @Test
    void tokens_axons_token_store_stored_are_read_as_what_each_segment_handled() {
        try (HikariDataSource flyway = migrated()) {
            JdbcTokenStore store = tokenStore(flyway);
            String processor = "audit-trail";
            store.initializeTokenSegments(processor, 3);
            TrackingToken live = GapAwareTrackingToken.newInstance(7, Set.of(3L, 5L));
            TrackingToken replaying = ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(9, Set.of()),
                    GapAwareTrackingToken.newInstance(4, Set.of(2L)));
            store.fetchToken(processor, 0);
            store.storeToken(live, processor, 0);
            store.fetchToken(processor, 1);
            store.storeToken(replaying, processor, 1);

            List<TrackingToken> tokens = new AxonTables(new JdbcTemplate(flyway)).tokens(processor, SERIALIZER);
            assertThat(tokens).containsExactly(live, replaying, null);
            assertThat(tokens).extracting(TrailCheck.Handled::by).containsExactly(
                    new TrailCheck.Handled(7, Set.of(3L, 5L)), new TrailCheck.Handled(4, Set.of(2L)),
                    TrailCheck.Handled.NOTHING);
            assertThat(new AxonTables(new JdbcTemplate(flyway)).tokens("no-such-processor", SERIALIZER)).isEmpty();
        }
    }

    /**
     * The processors' status shows each segment's owner and token as Axon's token store wrote them: the node that
     * claimed it (the store's {@code nodeId}), none once it released its claim, and the token it stored.
     */
    @Test
    void segments_are_read_with_the_node_that_claimed_each_and_its_token() {
        try (HikariDataSource flyway = migrated()) {
            JdbcTokenStore nodeA = tokenStore(flyway, "node-a");
            JdbcTokenStore nodeB = tokenStore(flyway, "node-b");
            String processor = "status-index";
            nodeA.initializeTokenSegments(processor, 3);
            TrackingToken live = GapAwareTrackingToken.newInstance(7, Set.of(3L));
            TrackingToken replaying = ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(9, Set.of()),
                    GapAwareTrackingToken.newInstance(4, Set.of()));
            nodeA.fetchToken(processor, 0);
            nodeA.storeToken(live, processor, 0);
            nodeB.fetchToken(processor, 1);
            nodeB.storeToken(replaying, processor, 1);
            nodeA.fetchToken(processor, 2);
            nodeA.releaseClaim(processor, 2);

            List<AxonTables.SegmentClaim> segments = new AxonTables(new JdbcTemplate(flyway)).segments(processor,
                    SERIALIZER);
            assertThat(segments).extracting(AxonTables.SegmentClaim::segment).containsExactly(0, 1, 2);
            assertThat(segments).extracting(AxonTables.SegmentClaim::owner).containsExactly("node-a", "node-b", null);
            assertThat(segments).extracting(AxonTables.SegmentClaim::token).containsExactly(live, replaying, null);
            assertThat(segments.get(0).claimedAt()).isNotBlank();
            assertThat(new AxonTables(new JdbcTemplate(flyway)).segments("no-such-processor", SERIALIZER)).isEmpty();
        }
    }

    @Test
    void every_read_finds_what_axons_own_engine_stored() {
        try (HikariDataSource axon = empty()) {
            JdbcEventStorageEngine engine = stockEngine(axon);
            engine.createSchema(axonTables());
            List<EventMessage<?>> events = events();
            engine.appendEvents(events);

            assertReadsFind(new AxonTables(new JdbcTemplate(axon)), engine, events);
        }
    }

    @Test
    void the_chained_append_stores_what_axon_stores_and_links_the_stored_bytes() {
        try (HikariDataSource flyway = migrated()) {
            JdbcEventStorageEngine engine = engine(flyway).appendEvents(new ChainedAppend()).build();
            List<EventMessage<?>> events = events();
            engine.appendEvents(events);

            AxonTables table = new AxonTables(new JdbcTemplate(flyway));
            assertReadsFind(table, engine, events);
            JdbcTemplate jdbc = new JdbcTemplate(flyway);
            Map<String, String> previous = new HashMap<>();
            table.inChainOrder(10, row -> {
                String link = EventLinks.link(previous.getOrDefault(row.aggregateId(), EventLinks.GENESIS), row);
                assertThat(jdbc.queryForObject("SELECT link FROM event_link WHERE event_id = ?", String.class,
                        row.eventId())).as("link of %s", row.eventId()).isEqualTo(link);
                previous.put(row.aggregateId(), link);
            });
            assertThat(previous).hasSize(3);
        }
    }

    /**
     * Two nodes appending to one campaign collide on its sequence; the loser's append fails whole, as the
     * concurrency conflict Axon retries or the API answers 409, never as an opaque storage failure.
     */
    @Test
    void an_append_at_a_taken_sequence_is_a_concurrency_conflict_and_stores_nothing() {
        try (HikariDataSource flyway = migrated()) {
            JdbcEventStorageEngine engine = engine(flyway).appendEvents(new ChainedAppend())
                    .persistenceExceptionResolver(new DuplicateKeys()).build();
            engine.appendEvents(events());
            Instant at = Instant.parse("2026-03-01T11:00:00Z");

            assertThatThrownBy(() -> engine.appendEvents(new GenericDomainEventMessage<>("Campaign", "c-1", 1,
                    new Noted("launched again"), MetaData.emptyInstance(), "e-5", at)))
                    .isInstanceOf(ConcurrencyException.class);
            AxonTables table = new AxonTables(new JdbcTemplate(flyway));
            assertThat(table.event("e-5")).isEmpty();
            assertThat(new JdbcTemplate(flyway).queryForObject("SELECT COUNT(*) FROM event_link WHERE event_id = 'e-5'",
                    Long.class)).isZero();
        }
    }

    /** Migration 14.2 finds the activity batches by payload type and rewrites their payloads in place. */
    @Test
    void payloads_are_found_by_type_and_replaced_where_they_are_stored() {
        try (HikariDataSource axon = empty()) {
            JdbcEventStorageEngine engine = stockEngine(axon);
            engine.createSchema(axonTables());
            engine.appendEvents(events());
            engine.appendEvents(new GenericDomainEventMessage<>("Campaign", "c-2", 1, new Other(3),
                    MetaData.emptyInstance(), "e-5", Instant.parse("2026-03-01T10:20:00Z")));
            AxonTables table = new AxonTables(new JdbcTemplate(axon));
            Map<String, Long> positions = positions(engine);

            assertThat(table.positionsOf(Noted.class.getName())).containsExactly(positions.get("e-1"),
                    positions.get("e-2"), positions.get("e-3"), positions.get("e-4"));
            assertThat(table.positionsOf(Other.class.getName())).containsExactly(positions.get("e-5"));
            assertThat(table.positionsOf("no.such.Type")).isEmpty();
            long second = positions.get("e-2");
            assertThat(table.payloadAt(second)).isEqualTo(table.event("e-2").orElseThrow().payload());

            table.replacePayload(second, SERIALIZER.serialize(new Noted("launched, sealed"), byte[].class).getData());
            Map<String, Object> payloads = engine.readEvents(null, false).collect(Collectors.toMap(
                    TrackedEventMessage::getIdentifier, tracked -> (Object) tracked.getPayload()));
            assertThat(payloads).containsEntry("e-2", new Noted("launched, sealed"))
                    .containsEntry("e-1", new Noted("drafted")).containsEntry("e-5", new Other(3));
        }
    }

    /**
     * The tamper check reads every link with its event's stored row and the position its anchor recorded,
     * sees a row that is gone, and finds a row stored without a link (by an engine that does not chain).
     */
    @Test
    void links_are_read_with_their_stored_rows_and_anchors_and_rows_without_a_link_are_found() {
        try (HikariDataSource flyway = migrated()) {
            JdbcEventStorageEngine engine = engine(flyway).appendEvents(new ChainedAppend()).build();
            engine.appendEvents(events());
            JdbcTemplate jdbc = new JdbcTemplate(flyway);
            AxonTables table = new AxonTables(jdbc);
            Map<String, Long> positions = positions(engine);
            jdbc.update("INSERT INTO chain_anchor (position, event_id, global_index, anchor, anchored_at) "
                    + "VALUES (1, 'e-2', ?, ?, CURRENT_TIMESTAMP)", positions.get("e-2"), "a".repeat(64));

            List<AxonTables.LinkedEvent> links = new ArrayList<>();
            table.linksInChainOrder(links::add);
            assertThat(links).extracting(l -> l.chainId() + "/" + l.chainSequence() + "/" + l.eventId())
                    .containsExactly("c-1/0/e-1", "c-1/1/e-2", "c-2/0/e-3", "e-4/0/e-4");
            for (AxonTables.LinkedEvent linked : links) {
                assertThat(linked.globalIndex()).isEqualTo(positions.get(linked.eventId()));
                assertThat(linked.row()).as("the stored bytes too").usingRecursiveComparison()
                        .isEqualTo(table.event(linked.eventId()).orElseThrow());
                assertThat(linked.link()).isEqualTo(jdbc.queryForObject(
                        "SELECT link FROM event_link WHERE event_id = ?", String.class, linked.eventId()));
                assertThat(linked.anchoredIndex()).isEqualTo(linked.eventId().equals("e-2")
                        ? positions.get("e-2") : null);
            }
            List<AxonTables.StoredEvent> unlinked = new ArrayList<>();
            table.unlinked(unlinked::add);
            assertThat(unlinked).isEmpty();

            jdbc.update("DELETE FROM " + AxonTables.TABLE + " WHERE " + AxonTables.SCHEMA.eventIdentifierColumn()
                    + " = 'e-2'");
            stockEngine(flyway).appendEvents(new GenericDomainEventMessage<>("Campaign", "c-3", 0,
                    new Noted("slipped in"), MetaData.emptyInstance(), "e-6", Instant.parse("2026-03-01T12:00:00Z")));
            links.clear();
            table.linksInChainOrder(links::add);
            AxonTables.LinkedEvent gone = links.get(1);
            assertThat(gone.eventId()).isEqualTo("e-2");
            assertThat(gone.globalIndex()).isNull();
            assertThat(gone.row()).isNull();
            assertThat(gone.anchoredIndex()).isEqualTo(positions.get("e-2"));
            table.unlinked(unlinked::add);
            assertThat(unlinked).containsExactly(
                    new AxonTables.StoredEvent(positions(engine).get("e-6"), "e-6", "c-3", 0));
        }
    }

    /** The trail's check compares the stored events with what the audit trail lists at their positions. */
    @Test
    void stored_events_are_compared_with_what_the_audit_trail_lists_at_their_positions() {
        try (HikariDataSource flyway = migrated()) {
            JdbcTemplate jdbc = new JdbcTemplate(flyway);
            AxonTables table = new AxonTables(jdbc);
            assertThat(table.eventCount()).isZero();
            assertThat(table.lastPosition()).isEqualTo(-1);

            JdbcEventStorageEngine engine = engine(flyway).appendEvents(new ChainedAppend()).build();
            engine.appendEvents(events());
            Map<String, Long> at = positions(engine);
            long p1 = at.get("e-1");
            long p2 = at.get("e-2");
            long p3 = at.get("e-3");
            long p4 = at.get("e-4");
            long nowhere = p4 + 100;
            listed(jdbc, p1, "e-1");
            listed(jdbc, p2, "another");
            listed(jdbc, nowhere, "ghost");

            assertThat(table.eventCount()).isEqualTo(4);
            assertThat(table.lastPosition()).isEqualTo(p4);
            assertThat(trail(each -> table.unlistedUpTo(p3, each))).containsExactly(
                    new AxonTables.TrailPosition(p2, "e-2", "another"), new AxonTables.TrailPosition(p3, "e-3", null));
            assertThat(trail(each -> table.unlistedUpTo(p1, each))).isEmpty();
            assertThat(trail(each -> table.listedAmiss(p3, each))).containsExactly(
                    new AxonTables.TrailPosition(nowhere, null, "ghost"));
            assertThat(trail(each -> table.listedAmiss(p1, each))).containsExactly(
                    new AxonTables.TrailPosition(p2, "e-2", "another"),
                    new AxonTables.TrailPosition(nowhere, null, "ghost"));
            assertThat(table.unlistedAfter(p1)).isEqualTo(2);
            assertThat(table.unlistedAfter(p3)).isEqualTo(1);
            assertThat(table.unlistedAfter(p4)).isZero();
        }
    }

    record Other(int count) {
    }

    private static void listed(JdbcTemplate jdbc, long position, String eventId) {
        jdbc.update("INSERT INTO audit_event (global_index, event_id, event_type, occurred_at) "
                + "VALUES (?, ?, 'Noted', CURRENT_TIMESTAMP)", position, eventId);
    }

    private static List<AxonTables.TrailPosition> trail(Consumer<AxonTables.Each<AxonTables.TrailPosition>> read) {
        List<AxonTables.TrailPosition> found = new ArrayList<>();
        read.accept(found::add);
        return found;
    }

    /** Each stored event's global position, as Axon's engine streams them. */
    private static Map<String, Long> positions(JdbcEventStorageEngine engine) {
        return engine.readEvents(null, false).collect(Collectors.toMap(TrackedEventMessage::getIdentifier,
                tracked -> tracked.trackingToken().position().orElseThrow()));
    }

    private static void assertReadsFind(AxonTables table, JdbcEventStorageEngine engine,
                                        List<EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            EventLinks.Row row = table.event(event.getIdentifier()).orElseThrow();
            assertThat(row.eventId()).isEqualTo(event.getIdentifier());
            assertThat(row.payloadType()).isEqualTo(Noted.class.getName());
            assertThat(row.payloadRevision()).isNull();
            assertThat(row.timeStamp()).isEqualTo(DateTimeUtils.formatInstant(event.getTimestamp()));
            assertThat(SERIALIZER.<byte[], Noted>deserialize(new SimpleSerializedObject<>(row.payload(), byte[].class,
                    row.payloadType(), row.payloadRevision()))).isEqualTo(event.getPayload());
            assertThat(SERIALIZER.<byte[], MetaData>deserialize(new SimpleSerializedObject<>(row.metaData(),
                    byte[].class, MetaData.class.getName(), null))).isEqualTo(event.getMetaData());
        }
        assertThat(table.event("no-such-event")).isEmpty();

        Map<String, Long> streamed = engine.readEvents(null, false).collect(Collectors.toMap(
                TrackedEventMessage::getIdentifier, tracked -> tracked.trackingToken().position().orElseThrow()));
        List<String> ids = events.stream().map(EventMessage::getIdentifier).toList();
        assertThat(streamed).containsOnlyKeys(ids);
        List<String> asked = new ArrayList<>(ids);
        asked.add("no-such-event");
        assertThat(table.positions(asked)).isEqualTo(streamed);
        assertThat(table.eventCount()).isEqualTo(events.size());
        assertThat(table.lastPosition())
                .isEqualTo(streamed.values().stream().mapToLong(Long::longValue).max().orElseThrow());

        long first = streamed.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(table.madeAfter(first - 1)).contains(events.get(0).getTimestamp());
        assertThat(table.madeAfter(table.lastPosition())).isEmpty();

        List<String> order = new ArrayList<>();
        table.inChainOrder(2, row -> order.add(row.aggregateId() + "/" + row.sequence() + "/" + row.type()));
        assertThat(order).containsExactly("c-1/0/Campaign", "c-1/1/Campaign", "c-2/0/Campaign", "e-4/0/null");
    }

    /** Two campaigns' events and one of no aggregate, which Axon stores as a stream of its own. */
    private static List<EventMessage<?>> events() {
        Instant at = Instant.parse("2026-03-01T10:15:30.123Z");
        MetaData actor = MetaData.with("actor", "ana");
        return List.of(
                new GenericDomainEventMessage<>("Campaign", "c-1", 0, new Noted("drafted"), actor, "e-1", at),
                new GenericDomainEventMessage<>("Campaign", "c-1", 1, new Noted("launched"), actor, "e-2", at),
                new GenericDomainEventMessage<>("Campaign", "c-2", 0, new Noted("drafted"), MetaData.emptyInstance(),
                        "e-3", at.plusSeconds(1)),
                new GenericEventMessage<>("e-4", new Noted("unattached"), actor, at.plusSeconds(2)));
    }

    private static JdbcTokenStore tokenStore(DataSource dataSource) {
        return JdbcTokenStore.builder().connectionProvider(dataSource::getConnection).serializer(SERIALIZER)
                .schema(AxonTables.TOKENS).build();
    }

    private static JdbcTokenStore tokenStore(DataSource dataSource, String nodeId) {
        return JdbcTokenStore.builder().connectionProvider(dataSource::getConnection).serializer(SERIALIZER)
                .schema(AxonTables.TOKENS).nodeId(nodeId).build();
    }

    private static JdbcEventStorageEngine stockEngine(DataSource dataSource) {
        return engine(dataSource).build();
    }

    private static JdbcEventStorageEngine.Builder engine(DataSource dataSource) {
        return JdbcEngines.on(dataSource, SERIALIZER);
    }

    /** Each column's type, size and nullability; the column sets of the unique keys. */
    private record Table(Map<String, String> columns, Set<String> uniqueKeys) {
    }

    private static Table table(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT)
                    : table.toLowerCase(Locale.ROOT);
            Map<String, String> columns = new TreeMap<>();
            try (ResultSet rs = meta.getColumns(null, null, name, null)) {
                while (rs.next()) {
                    columns.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getString("TYPE_NAME")
                            + "(" + rs.getInt("COLUMN_SIZE") + ") nullable " + rs.getString("IS_NULLABLE"));
                }
            }
            Map<String, Set<String>> keys = new TreeMap<>();
            try (ResultSet rs = meta.getIndexInfo(null, null, name, true, false)) {
                while (rs.next()) {
                    if (rs.getString("COLUMN_NAME") != null) {
                        keys.computeIfAbsent(rs.getString("INDEX_NAME"), key -> new TreeSet<>())
                                .add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
            assertThat(columns).as("columns of %s", name).isNotEmpty();
            return new Table(columns, keys.values().stream().map(Set::toString).collect(Collectors.toCollection(TreeSet::new)));
        }
    }
}
