package org.campaignengine.api.audit;

import java.util.List;
import java.util.Map;

import org.campaignengine.api.eventstore.AxonTables;
import org.campaignengine.projections.audit.EventPositions;

/**
 * Each event's own global position, read from the engine's event table by identifier ({@link AxonTables}).
 * The processor's gap-aware token cannot tell it for an event that committed late: it hands that event over
 * with the highest position seen so far.
 */
public class StoredEventPositions implements EventPositions {

    private final AxonTables table;

    public StoredEventPositions(AxonTables table) {
        this.table = table;
    }

    @Override
    public Map<String, Long> of(List<Handed> events) {
        Map<String, Long> positions = table.positions(events.stream().map(Handed::eventId).distinct().toList());
        events.stream().filter(event -> !positions.containsKey(event.eventId())).findFirst().ifPresent(event -> {
            throw new IllegalStateException("event " + event.eventId() + " was handed over at position "
                    + event.tokenPosition() + " but is not in the event table");
        });
        return positions;
    }
}
