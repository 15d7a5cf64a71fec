package org.campaignengine.api.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.campaignengine.api.store.MigratedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The embedded event store's head reader reads at most once per interval through {@link PacedHeadReads};
 * a processor's own read of the store is never held back.
 */
class PacedHeadReadsTest {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();

    record Renamed(String name) {
    }

    private HikariDataSource database;
    private JdbcEventStorageEngine stored;

    @BeforeEach
    void store() {
        database = MigratedDatabase.open("jdbc:h2:mem:paced_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "h2");
        stored = JdbcEngines.on(database, SERIALIZER).build();
        stored.appendEvents(new GenericDomainEventMessage<>("Campaign", "c-1", 0, new Renamed("first")),
                new GenericDomainEventMessage<>("Campaign", "c-1", 1, new Renamed("second")));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void the_head_is_read_at_most_once_per_interval_and_each_read_finds_every_event() {
        PacedHeadReads paced = new PacedHeadReads(stored, Duration.ofMillis(300));

        long start = System.nanoTime();
        List<String> first = names(paced.readEvents(null, true));
        List<String> second = names(paced.readEvents(null, true));
        List<String> third = names(paced.readEvents(null, true));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(first).containsExactly("first", "second");
        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }

    @Test
    void a_processors_own_read_of_the_store_is_not_held_back() {
        PacedHeadReads paced = new PacedHeadReads(stored, Duration.ofMinutes(10));
        names(paced.readEvents(null, true));

        long start = System.nanoTime();
        List<String> own = names(paced.readEvents(null, false));

        assertThat(own).containsExactly("first", "second");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void the_interval_cannot_be_negative() {
        assertThatThrownBy(() -> new PacedHeadReads(stored, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("campaign.event-store.head-read-interval-ms");
    }

    private static List<String> names(Stream<? extends TrackedEventMessage<?>> events) {
        try (events) {
            return events.map(EventMessage::getPayload).map(payload -> ((Renamed) payload).name()).toList();
        }
    }
}
