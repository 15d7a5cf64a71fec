package org.campaignengine.projections.analytics;

import java.time.Instant;
import java.util.List;

/** A campaign's activity over time, or why it was not drawn. */
public sealed interface ActivityAnswer {

    /** How many buckets one series may hold: a chart, not an export. */
    int MAX_BUCKETS = 10_000;

    /** Contiguous buckets from the one holding the range's start to the one holding its end, zero-filled. */
    record ActivitySeries(Granularity granularity, List<ActivityBucket> buckets) implements ActivityAnswer {
        public ActivitySeries {
            buckets = List.copyOf(buckets);
        }
    }

    /** The granularity asked for would cut the range into more than {@link #MAX_BUCKETS} buckets. */
    record TooManyBuckets(Granularity granularity, long needed) implements ActivityAnswer {
    }

    /** Inbound is replies and opt-outs; outbound is messages, agent and bot replies, and calls. */
    record ActivityBucket(Instant start, long inbound, long outbound) {
    }
}
