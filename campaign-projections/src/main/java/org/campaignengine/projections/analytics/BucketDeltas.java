package org.campaignengine.projections.analytics;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.campaignengine.domain.campaign.ActivityType;

/**
 * What a batch of activity adds to the activity series, per bucket of every granularity: a batch
 * usually falls in a few hours, so it writes a few rows however many records it holds.
 */
final class BucketDeltas {

    record Bucket(Granularity granularity, Instant start) {
    }

    /** Inbound and outbound counts added to one bucket. */
    static final class Counts {
        long inbound;
        long outbound;
    }

    private final Map<Bucket, Counts> deltas = new LinkedHashMap<>();

    /** Counts a record of the series at {@code at}; records outside the series (receipts, clicks...) are not. */
    void count(ActivityType type, Instant at) {
        Side side = sideOf(type);
        if (side == Side.NEITHER) {
            return;
        }
        for (Granularity granularity : Granularity.values()) {
            Bucket bucket = new Bucket(granularity, granularity.bucketOf(at));
            Counts counts = deltas.computeIfAbsent(bucket, b -> new Counts());
            if (side == Side.INBOUND) {
                counts.inbound++;
            } else {
                counts.outbound++;
            }
        }
    }

    Map<Bucket, Counts> deltas() {
        return Collections.unmodifiableMap(deltas);
    }

    private enum Side {
        INBOUND,
        OUTBOUND,
        NEITHER
    }

    /**
     * Contact message activity: replies and opt-outs come in; messages, agent and bot replies and calls
     * go out. Receipts, clicks, costs, logins and conversation management are not messages.
     */
    private static Side sideOf(ActivityType type) {
        return switch (type) {
            case REPLY_RECEIVED, OPTED_OUT -> Side.INBOUND;
            case MESSAGE_SENT, AGENT_REPLIED, BOT_REPLIED, CALL_PLACED -> Side.OUTBOUND;
            case MESSAGE_DELIVERED, MESSAGE_UNDELIVERED, MESSAGE_RETRYING, LINK_CLICKED, COST_INCURRED,
                    CALL_CONNECTED, CALL_COMPLETED, CALLER_LOGGED_IN, CALLER_LOGGED_OUT, NEEDS_ATTENTION_SET,
                    NEEDS_ATTENTION_CLEARED, OPERATED_BY_CHANGED, CONVERSATION_TAGGED -> Side.NEITHER;
        };
    }
}
