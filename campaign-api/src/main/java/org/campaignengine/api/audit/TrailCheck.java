package org.campaignengine.api.audit;

import java.util.HashSet;
import java.util.Set;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.campaignengine.api.eventstore.AxonTables;
import org.campaignengine.projections.audit.AuditTrailProjection;
import org.springframework.jdbc.core.JdbcTemplate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Compares the audit trail with the event store: every stored event the trail has taken in must be listed
 * at its own global position, under its own identifier, and the trail must list nothing else. The trail
 * follows the store, so only the events its processor has certainly handled are required: those up to the
 * lowest position every segment's token has reached, but for the gaps those tokens still wait on. An event
 * not listed yet beyond that, or in such a gap (one that committed late), is {@code pending}, not a
 * difference; an event listed wrongly is a difference wherever it is.
 */
public class TrailCheck {

    /** The first difference by global position: the store's event there and what the trail lists there. */
    @Schema(name = "TrailDifference", description = "The first difference by global position between the store and "
            + "the audit trail.")
    public record Difference(
            @Schema(description = "The global position.", example = "812") long globalIndex,
            @Schema(description = "The store's event there; null if it holds none.", nullable = true,
                    example = "5b0d7c1e-2f4a-4e3b-8c9d-0a1b2c3d4e5f") String eventId,
            @Schema(description = "The event the trail lists there; null if it lists none.", nullable = true,
                    example = "7c2e9f1a-3b5d-4c6e-8f0a-1b2c3d4e5f6a") String listedEventId,
            @Schema(description = "What differs.", example = "not listed") String problem) {
    }

    /**
     * {@code events}: rows in the trail; {@code storeEvents}: events in the store, the last at
     * {@code lastStored}; {@code checkedUpTo}: the position up to which every stored event, but those in the
     * processor's gaps, must be listed (-1 before the trail's first batch; a segment with nothing to do stores
     * its position every few seconds, so on an idle engine it reaches {@code lastStored} moments later);
     * {@code missing}: events up to there not listed at their position; {@code misplaced}: rows listing an
     * event at a position where the store holds another or none.
     */
    @Schema(name = "TrailReport", description = "The audit trail compared with the event store.")
    public record Report(
            @Schema(description = "The trail lists every event it must, each at its position.", example = "true")
            boolean matches,
            @Schema(description = "Rows in the trail.", example = "10450") long events,
            @Schema(description = "Events in the store.", example = "10452") long storeEvents,
            @Schema(description = "The global position of the store's last event.", example = "10451") long lastStored,
            @Schema(description = "The position up to which every stored event (but those in the processor's gaps) "
                    + "must be listed; -1 before the trail's first batch.", example = "10449") long checkedUpTo,
            @Schema(description = "Events not listed yet, beyond that position or in a gap: not a difference.",
                    example = "2") long pending,
            @Schema(description = "Events up to that position not listed at their position.", example = "0")
            long missing,
            @Schema(description = "Rows listing an event at a position where the store holds another or none.",
                    example = "0") long misplaced,
            @Schema(description = "The first difference; null when none.", nullable = true)
            Difference firstDifference) {
    }

    private final Serializer tokens;

    /** {@code tokens}: the serializer the token store writes its tokens with. */
    TrailCheck(Serializer tokens) {
        this.tokens = tokens;
    }

    /** Runs in the caller's transaction, on its connection. */
    Report check(JdbcTemplate jdbc) {
        AxonTables store = new AxonTables(jdbc);
        Handled handled = handled(store);
        long upTo = handled.upTo();
        Difference[] first = {null};
        long[] missing = {0};
        long[] inGaps = {0};
        store.unlistedUpTo(upTo, position -> {
            String listed = position.listedEventId();
            if (listed == null && handled.gaps().contains(position.globalIndex())) {
                inGaps[0]++;
                return;
            }
            missing[0]++;
            first[0] = earlier(first[0], new Difference(position.globalIndex(), position.storedEventId(), listed,
                    listed == null ? "the trail does not list this event"
                            : "the trail lists another event at this event's position"));
        });
        long[] misplaced = {0};
        store.listedAmiss(upTo, position -> {
            misplaced[0]++;
            String stored = position.storedEventId();
            first[0] = earlier(first[0], new Difference(position.globalIndex(), stored, position.listedEventId(),
                    stored == null ? "the trail lists a position where the store holds no event"
                            : "the trail lists another event at this event's position"));
        });
        long pending = inGaps[0] + store.unlistedAfter(upTo);
        return new Report(missing[0] == 0 && misplaced[0] == 0, count(jdbc, "SELECT COUNT(*) FROM audit_event"),
                store.eventCount(), store.lastPosition(), upTo, pending, missing[0], misplaced[0], first[0]);
    }

    /**
     * What every segment of the trail's processor has handled: each position up to {@code upTo} but those in
     * {@code gaps}, positions its gap-aware tokens saw no event at yet (an event committing late, or none ever).
     */
    public record Handled(long upTo, Set<Long> gaps) {

        public static final Handled NOTHING = new Handled(-1, Set.of());

        public static Handled by(TrackingToken token) {
            TrackingToken lower = token == null ? null : WrappedToken.unwrapLowerBound(token);
            if (lower == null) {
                return NOTHING;
            }
            if (lower instanceof GapAwareTrackingToken gapAware) {
                return new Handled(gapAware.getIndex(), gapAware.getGaps());
            }
            return new Handled(lower.position().orElse(-1), Set.of());
        }

        Handled and(Handled other) {
            Set<Long> both = new HashSet<>(gaps);
            both.addAll(other.gaps);
            return new Handled(Math.min(upTo, other.upTo), both);
        }
    }

    private Handled handled(AxonTables store) {
        return store.tokens(AuditTrailProjection.PROCESSING_GROUP, tokens).stream().map(Handled::by)
                .reduce(Handled::and).orElse(Handled.NOTHING);
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }

    private static Difference earlier(Difference first, Difference found) {
        return first == null || found.globalIndex() < first.globalIndex() ? found : first;
    }
}
