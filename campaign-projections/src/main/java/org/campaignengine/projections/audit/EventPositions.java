package org.campaignengine.projections.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each event's own global position in the store. A tracking token's position is not always that: a
 * gap-aware token hands an event that committed late (one that fills a gap below the highest position
 * seen) over with the highest position seen, so the late event's own position is lost and it shares a
 * position with another. The engine's own event table is asked by identifier; a store whose tokens
 * number every event exactly, with no gaps (Axon Server's global sequence), is answered from its tokens.
 */
public interface EventPositions {

    /** An event as a processor handed it over: its identifier and its token's position. */
    record Handed(String eventId, long tokenPosition) {
    }

    /** Every event's own position, by identifier; fails when one of them is not in the store. */
    Map<String, Long> of(List<Handed> events);

    /** The tokens' positions as they are: only for a store whose tokens carry each event's own position. */
    static EventPositions fromTokens() {
        return events -> {
            Map<String, Long> positions = new LinkedHashMap<>();
            events.forEach(event -> positions.putIfAbsent(event.eventId(), event.tokenPosition()));
            return positions;
        };
    }
}
