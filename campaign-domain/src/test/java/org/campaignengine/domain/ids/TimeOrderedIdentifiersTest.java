package org.campaignengine.domain.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

/** The ids of new campaigns and events: version 7 UUIDs, in the order they were made, each once. */
class TimeOrderedIdentifiersTest {

    @Test
    void axon_names_every_message_with_the_time_ordered_factory() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifiers.class);
        UUID eventId = UUID.fromString(GenericEventMessage.asEventMessage("paused").getIdentifier());
        assertThat(eventId.version()).isEqualTo(7);
    }

    @Test
    void ids_are_version_7_uuids_that_sort_in_the_order_they_were_made() {
        IdentifierFactory ids = IdentifierFactory.getInstance();
        List<String> made = new ArrayList<>(IntStream.range(0, 100_000).mapToObj(i -> ids.generateIdentifier()).toList());
        assertThat(new HashSet<>(made)).hasSize(made.size());
        assertThat(made).allSatisfy(id -> {
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.toString()).isEqualTo(id);
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(uuid.variant()).isEqualTo(2);
        });
        // as text (how the stores key them) and as UUIDs (the status index's row key, compared as
        // PostgreSQL compares uuid: unsigned, byte by byte) alike
        assertThat(made).isSorted();
        long before = System.currentTimeMillis();
        long stamped = UUID.fromString(ids.generateIdentifier()).getMostSignificantBits() >>> 16;
        assertThat(stamped).isBetween(before - 1, System.currentTimeMillis() + 1);
    }
}
