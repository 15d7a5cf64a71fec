package org.campaignengine.projections.analytics;

import static org.campaignengine.projections.analytics.StateTable.instant;
import static org.campaignengine.projections.tables.Columns.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.campaignengine.projections.analytics.ActivityAnswer.ActivityBucket;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The activity series, kept per UTC hour, day, month and year as records arrive: a chart reads the
 * stored buckets of one granularity within its range (a few hundred rows for the automatic choice)
 * and fills the buckets without activity with zeros.
 */
final class ActivityBuckets {

    private final JdbcTemplate jdbc;

    ActivityBuckets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(String campaignId, BucketDeltas deltas) {
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        deltas.deltas().forEach((bucket, counts) -> {
            String granularity = bucket.granularity().name();
            updates.add(new Object[]{counts.inbound, counts.outbound, campaignId, granularity, time(bucket.start())});
            inserts.add(new Object[]{campaignId, granularity, time(bucket.start()), counts.inbound, counts.outbound});
        });
        Upsert.apply(jdbc, "UPDATE analytics_activity_bucket SET inbound = inbound + ?, outbound = outbound + ? "
                        + "WHERE campaign_id = ? AND granularity = ? AND bucket_start = ?", updates,
                "INSERT INTO analytics_activity_bucket (campaign_id, granularity, bucket_start, inbound, outbound) "
                        + "VALUES (?, ?, ?, ?, ?)", inserts);
    }

    /** Every bucket from the one holding the range's start to the one holding its end, zero-filled. */
    List<ActivityBucket> series(String campaignId, Granularity granularity, ActiveRange range) {
        Instant first = granularity.bucketOf(range.start());
        Instant last = granularity.bucketOf(range.end());
        Map<Instant, ActivityBucket> stored = new HashMap<>();
        jdbc.query("SELECT bucket_start, inbound, outbound FROM analytics_activity_bucket WHERE campaign_id = ? "
                        + "AND granularity = ? AND bucket_start >= ? AND bucket_start <= ?", rs -> {
                    Instant start = instant(rs, "bucket_start");
                    stored.put(start, new ActivityBucket(start, rs.getLong("inbound"), rs.getLong("outbound")));
                }, campaignId, granularity.name(), time(first), time(last));
        List<ActivityBucket> series = new ArrayList<>();
        for (Instant start = first; !start.isAfter(last); start = granularity.next(start)) {
            ActivityBucket bucket = stored.get(start);
            series.add(bucket != null ? bucket : new ActivityBucket(start, 0, 0));
        }
        return series;
    }
}
