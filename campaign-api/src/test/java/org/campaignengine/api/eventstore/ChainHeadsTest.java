package org.campaignengine.api.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.campaignengine.api.store.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The newest links a node remembers: read with a stream's last sequence number, or committed by its own appends,
 * which then chain from them instead of reading them again.
 */
class ChainHeadsTest {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();
    private static final String STREAM = "campaign-1";

    record Noted(String text) {
    }

    /** The fourth event of {@link #STREAM}, the same in every database of this test. */
    private static final GenericDomainEventMessage<Noted> FOURTH = new GenericDomainEventMessage<>("Campaign", STREAM,
            3, new Noted("fourth"), MetaData.emptyInstance(), UUID.randomUUID().toString(),
            Instant.parse("2026-12-05T10:00:00Z"));

    @Test
    void the_last_sequence_number_is_the_newest_links_and_none_for_an_empty_stream() throws SQLException {
        try (HikariDataSource db = linkedThrice()) {
            ChainHeads heads = new ChainHeads(db::getConnection, 100);

            assertThat(heads.lastSequenceNumberFor(STREAM)).contains(2L);
            assertThat(heads.lastSequenceNumberFor("campaign-never-stored")).isEmpty();
        }
    }

    @Test
    void the_newest_link_read_is_remembered_for_its_sequence_number_only() throws SQLException {
        try (HikariDataSource db = linkedThrice()) {
            ChainHeads heads = new ChainHeads(db::getConnection, 100);
            assertThat(heads.link(STREAM, 2)).as("before it is read").isNull();

            heads.lastSequenceNumberFor(STREAM);

            assertThat(heads.link(STREAM, 2)).isEqualTo(link(2));
            assertThat(heads.link(STREAM, 1)).isNull();
            assertThat(heads.link("campaign-2", 2)).isNull();
            heads.committed(STREAM, 1, link(1));
            assertThat(heads.link(STREAM, 2)).as("an older link does not replace a newer one").isEqualTo(link(2));
            assertThat(new ChainHeads(db::getConnection, 0).link(STREAM, 2)).as("a node that keeps none").isNull();
        }
    }

    @Test
    void an_append_remembers_its_links_once_its_unit_of_work_has_committed_and_not_if_it_rolled_back()
            throws SQLException {
        try (HikariDataSource db = linkedThrice()) {
            ChainHeads heads = new ChainHeads(db::getConnection, 100);
            UnitOfWork<?> rolledBack = DefaultUnitOfWork.startAndGet(null);
            try (Connection connection = db.getConnection()) {
                build(new ChainedAppend(heads), connection).close();
            }
            rolledBack.rollback();
            assertThat(heads.link(STREAM, 3)).as("rolled back").isNull();

            String stored = appendFourth(db, heads, null);

            assertThat(heads.link(STREAM, 3)).isEqualTo(stored);
        }
    }

    @Test
    void an_event_of_no_aggregate_is_not_remembered() throws SQLException {
        try (HikariDataSource db = linkedThrice()) {
            ChainHeads heads = new ChainHeads(db::getConnection, 100);
            GenericEventMessage<Noted> loose = new GenericEventMessage<>(new Noted("of no campaign"));
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            try (Connection connection = db.getConnection();
                 PreparedStatement append = new ChainedAppend(heads).build(connection, AxonTables.SCHEMA,
                         byte[].class, List.of(loose), SERIALIZER,
                         (statement, index, at) -> statement.setString(index, DateTimeUtils.formatInstant(at)))) {
                append.executeBatch();
            }
            unitOfWork.commit();

            assertThat(heads.link(loose.getIdentifier(), 0)).isNull();
        }
    }

    @Test
    void an_append_chains_from_the_link_this_node_remembers_instead_of_reading_it() throws SQLException {
        String stored;
        try (HikariDataSource db = linkedThrice()) {
            stored = appendFourth(db, null, null);
        }
        String remembered;
        try (HikariDataSource db = linkedThrice()) {
            ChainHeads heads = new ChainHeads(db::getConnection, 100);
            heads.lastSequenceNumberFor(STREAM);
            remembered = appendFourth(db, heads, "f".repeat(64));
        }
        String rereads;
        try (HikariDataSource db = linkedThrice()) {
            rereads = appendFourth(db, new ChainHeads(db::getConnection, 100), "f".repeat(64));
        }

        assertThat(remembered).as("the remembered link, not the one stored since").isEqualTo(stored);
        assertThat(rereads).as("with nothing remembered the stored link is read").isNotEqualTo(stored);
    }

    /**
     * Appends {@link #FOURTH} in a unit of work, chaining from what {@code heads} remembers (none if null); the third
     * link is first overwritten with {@code overwrite} (if any): answers the fourth link.
     */
    private static String appendFourth(HikariDataSource db, ChainHeads heads, String overwrite) throws SQLException {
        JdbcTemplate jdbc = new JdbcTemplate(db);
        if (overwrite != null) {
            jdbc.update("UPDATE event_link SET link = ? WHERE chain_id = ? AND chain_seq = 2", overwrite, STREAM);
        }
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try (Connection connection = db.getConnection();
             PreparedStatement append = build(heads == null ? new ChainedAppend() : new ChainedAppend(heads),
                     connection)) {
            append.executeBatch();
        } finally {
            unitOfWork.commit();
        }
        return jdbc.queryForObject("SELECT link FROM event_link WHERE chain_id = ? AND chain_seq = 3", String.class,
                STREAM);
    }

    private static PreparedStatement build(ChainedAppend chained, Connection connection) throws SQLException {
        return chained.build(connection, AxonTables.SCHEMA, byte[].class, List.of(FOURTH), SERIALIZER,
                (statement, index, at) -> statement.setString(index, DateTimeUtils.formatInstant(at)));
    }

    /** A database whose {@link #STREAM} has three links, sequence numbers 0 to 2. */
    private static HikariDataSource linkedThrice() {
        HikariDataSource db = MigratedDatabase.open("jdbc:h2:mem:heads_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "h2");
        JdbcTemplate jdbc = new JdbcTemplate(db);
        for (int sequence = 0; sequence < 3; sequence++) {
            jdbc.update("INSERT INTO event_link (event_id, chain_id, chain_seq, link) VALUES (?, ?, ?, ?)",
                    "event-" + sequence, STREAM, sequence, link(sequence));
        }
        return db;
    }

    private static String link(int sequence) {
        return Integer.toString(sequence).repeat(64);
    }
}
