package org.campaignengine.projections.analytics;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The size of an activity bucket. Buckets are UTC calendar units, so a bucket's start is the same on
 * every node and database, and a month or a year is a calendar month or year, not a fixed duration.
 */
public enum Granularity {
    HOUR(ChronoUnit.HOURS),
    DAY(ChronoUnit.DAYS),
    MONTH(ChronoUnit.MONTHS),
    YEAR(ChronoUnit.YEARS);

    private final ChronoUnit unit;

    Granularity(ChronoUnit unit) {
        this.unit = unit;
    }

    /** The name the API uses ({@code hour}, {@code day}, {@code month}, {@code year}). */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Granularity> byApiName(String name) {
        return Arrays.stream(values()).filter(g -> g.apiName().equals(name)).findFirst();
    }

    /** The start of the bucket that holds {@code at}. */
    public Instant bucketOf(Instant at) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        ZonedDateTime start = switch (this) {
            case HOUR -> utc.truncatedTo(ChronoUnit.HOURS);
            case DAY -> utc.truncatedTo(ChronoUnit.DAYS);
            case MONTH -> utc.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            case YEAR -> utc.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
        };
        return start.toInstant();
    }

    /** The start of the bucket after the one starting at {@code bucketStart}. */
    public Instant next(Instant bucketStart) {
        return bucketStart.atZone(ZoneOffset.UTC).plus(1, unit).toInstant();
    }

    /** How many buckets run from the one holding {@code from} to the one holding {@code to}, both included. */
    public long bucketsBetween(Instant from, Instant to) {
        ZonedDateTime first = bucketOf(from).atZone(ZoneOffset.UTC);
        ZonedDateTime last = bucketOf(to).atZone(ZoneOffset.UTC);
        return unit.between(first, last) + 1;
    }
}
