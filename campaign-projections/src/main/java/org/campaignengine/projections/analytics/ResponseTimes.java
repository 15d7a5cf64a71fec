package org.campaignengine.projections.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Agent response times as a histogram per campaign: whole seconds to how many replies took that long,
 * and the same counted per quarter-hour band. The exact median needs no sort of raw replies: it walks
 * the bands to the middle sample, then the seconds of that band (and of the next, for an even count
 * split between two), reading a few thousand rows at most however many replies there were.
 */
final class ResponseTimes {

    static final long BAND_SECONDS = 900;

    private final JdbcTemplate jdbc;

    ResponseTimes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(String campaignId, Map<Long, Long> samples) {
        Map<Long, Long> bands = new TreeMap<>();
        samples.forEach((seconds, count) -> bands.merge(seconds / BAND_SECONDS, count, Long::sum));
        upsert("analytics_response_time", "seconds", campaignId, samples);
        upsert("analytics_response_band", "band", campaignId, bands);
    }

    /**
     * The median of the campaign's {@code count} samples: the middle one, or the mean of the two middle
     * ones for an even count; null for none. Also null if the histogram was emptied after the count was
     * read (a replay began): the figures are being rebuilt.
     */
    Double median(String campaignId, long count) {
        if (count <= 0) {
            return null;
        }
        List<long[]> bands = jdbc.query("SELECT band, samples FROM analytics_response_band WHERE campaign_id = ? "
                + "ORDER BY band", (rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}, campaignId);
        long[] lowerBand = locate(bands, (count - 1) / 2);
        long[] upperBand = locate(bands, count / 2);
        if (lowerBand == null || upperBand == null) {
            return null;
        }
        List<long[]> lowerSeconds = seconds(campaignId, lowerBand[0]);
        List<long[]> upperSeconds = upperBand[0] == lowerBand[0] ? lowerSeconds : seconds(campaignId, upperBand[0]);
        long[] lower = locate(lowerSeconds, lowerBand[1]);
        long[] upper = locate(upperSeconds, upperBand[1]);
        if (lower == null || upper == null) {
            return null;
        }
        return (lower[0] + upper[0]) / 2.0;
    }

    /** The seconds of one band, in order, with their samples. */
    private List<long[]> seconds(String campaignId, long band) {
        return jdbc.query("SELECT seconds, samples FROM analytics_response_time WHERE campaign_id = ? "
                        + "AND seconds >= ? AND seconds < ? ORDER BY seconds",
                (rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}, campaignId, band * BAND_SECONDS,
                (band + 1) * BAND_SECONDS);
    }

    /**
     * Where the sample of 0-based {@code rank} lies in these (key, samples) rows, in key order: its key
     * and its rank among that key's samples; null past the last sample.
     */
    private static long[] locate(List<long[]> rows, long rank) {
        long before = 0;
        for (long[] row : rows) {
            if (rank < before + row[1]) {
                return new long[]{row[0], rank - before};
            }
            before += row[1];
        }
        return null;
    }

    private void upsert(String table, String keyColumn, String campaignId, Map<Long, Long> samples) {
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        samples.forEach((key, count) -> {
            updates.add(new Object[]{count, campaignId, key});
            inserts.add(new Object[]{campaignId, key, count});
        });
        Upsert.apply(jdbc,
                "UPDATE " + table + " SET samples = samples + ? WHERE campaign_id = ? AND " + keyColumn + " = ?",
                updates,
                "INSERT INTO " + table + " (campaign_id, " + keyColumn + ", samples) VALUES (?, ?, ?)",
                inserts);
    }
}
