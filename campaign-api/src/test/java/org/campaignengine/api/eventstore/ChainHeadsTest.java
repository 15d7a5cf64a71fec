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
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.campaignengine.api.store.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A command's check of a campaign it kept in memory reads the stream's newest link with its sequence number, and the
 * append that follows in the same unit of work chains from that link instead of reading it again.
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
            ChainHeads heads = new ChainHeads(db::getConnection);

            assertThat(heads.lastSequenceNumberFor(STREAM)).contains(2L);
            assertThat(heads.lastSequenceNumberFor("campaign-never-stored")).isEmpty();
        }
    }

    @Test
    void a_unit_of_work_remembers_the_newest_link_it_read_and_nothing_else() throws SQLException {
        try (HikariDataSource db = linkedThrice()) {
            ChainHeads heads = new ChainHeads(db::getConnection);
            heads.lastSequenceNumberFor(STREAM);
            assertThat(ChainHeads.remembered(STREAM, 2)).as("read outside a unit of work").isNull();

            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            heads.lastSequenceNumberFor(STREAM);
            assertThat(ChainHeads.remembered(STREAM, 2)).isEqualTo(link(2));
            assertThat(ChainHeads.remembered(STREAM, 1)).isNull();
            assertThat(ChainHeads.remembered("campaign-2", 2)).isNull();
            unitOfWork.commit();

            assertThat(ChainHeads.remembered(STREAM, 2)).as("after the unit of work").isNull();
        }
    }

    @Test
    void an_append_after_the_check_chains_from_the_link_the_check_read() throws SQLException {
        String stored;
        try (HikariDataSource db = linkedThrice()) {
            stored = appendFourth(db, false, null);
        }
        String afterCheck;
        try (HikariDataSource db = linkedThrice()) {
            afterCheck = appendFourth(db, true, "f".repeat(64));
        }
        String rereads;
        try (HikariDataSource db = linkedThrice()) {
            rereads = appendFourth(db, false, "f".repeat(64));
        }

        assertThat(afterCheck).as("the check's link, not the one stored since").isEqualTo(stored);
        assertThat(rereads).as("without the check the stored link is read").isNotEqualTo(stored);
    }

    /**
     * Appends {@link #FOURTH}, within a unit of work that checked the stream first if {@code checkFirst}; the third
     * link is then overwritten with {@code overwrite} (if any) before the append: answers the fourth link.
     */
    private static String appendFourth(HikariDataSource db, boolean checkFirst, String overwrite) throws SQLException {
        JdbcTemplate jdbc = new JdbcTemplate(db);
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try (Connection connection = db.getConnection()) {
            if (checkFirst) {
                new ChainHeads(db::getConnection).lastSequenceNumberFor(STREAM);
            }
            if (overwrite != null) {
                jdbc.update("UPDATE event_link SET link = ? WHERE chain_id = ? AND chain_seq = 2", overwrite, STREAM);
            }
            try (PreparedStatement append = new ChainedAppend().build(connection, AxonTables.SCHEMA, byte[].class,
                    List.of(FOURTH), SERIALIZER,
                    (statement, index, at) -> statement.setString(index, DateTimeUtils.formatInstant(at)))) {
                append.executeBatch();
            }
        } finally {
            unitOfWork.commit();
        }
        return jdbc.queryForObject("SELECT link FROM event_link WHERE chain_id = ? AND chain_seq = 3", String.class,
                STREAM);
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
