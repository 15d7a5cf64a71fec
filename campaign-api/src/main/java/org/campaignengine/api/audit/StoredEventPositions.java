package org.campaignengine.api.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.campaignengine.projections.Chunks;
import org.campaignengine.projections.audit.EventPositions;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each event's own global position, read from the engine's event table by identifier (a unique key), a
 * few hundred events per query. The processor's gap-aware token cannot tell it for an event that
 * committed late: it hands that event over with the highest position seen so far.
 */
public class StoredEventPositions implements EventPositions {

    private final JdbcTemplate jdbc;

    public StoredEventPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> of(List<Handed> events) {
        Map<String, Long> positions = new HashMap<>();
        for (List<String> chunk : Chunks.of(events.stream().map(Handed::eventId).distinct().toList())) {
            jdbc.query("SELECT eventIdentifier, globalIndex FROM DomainEventEntry WHERE eventIdentifier IN ("
                    + Chunks.placeholders(chunk) + ")", rs -> {
                positions.put(rs.getString(1), rs.getLong(2));
            }, chunk.toArray());
        }
        events.stream().filter(event -> !positions.containsKey(event.eventId())).findFirst().ifPresent(event -> {
            throw new IllegalStateException("event " + event.eventId() + " was handed over at position "
                    + event.tokenPosition() + " but is not in the event table");
        });
        return positions;
    }
}
