package org.campaignengine.projections.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A campaign's active range (the lifecycle rules' read models): from its first launch to now, or to when it last
 * stopped, completed, errored or was archived. Its length picks the bucket size a chart can show
 * whole: up to a day per hour, under two months per day, under two years per month, else per year.
 * Months and years are counted on the UTC calendar from the start, like the buckets themselves.
 */
record ActiveRange(Instant start, Instant end) {

    static final Duration ONE_DAY = Duration.ofDays(1);

    ActiveRange {
        if (end.isBefore(start)) {
            end = start;
        }
    }

    Granularity autoGranularity() {
        ZonedDateTime from = start.atZone(ZoneOffset.UTC);
        if (!end.isAfter(start.plus(ONE_DAY))) {
            return Granularity.HOUR;
        }
        if (end.isBefore(from.plusMonths(2).toInstant())) {
            return Granularity.DAY;
        }
        if (end.isBefore(from.plusYears(2).toInstant())) {
            return Granularity.MONTH;
        }
        return Granularity.YEAR;
    }

    long bucketCount(Granularity granularity) {
        return granularity.bucketsBetween(start, end);
    }
}
