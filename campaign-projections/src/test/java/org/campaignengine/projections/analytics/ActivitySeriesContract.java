package org.campaignengine.projections.analytics;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.domain.campaign.ActivityType.*;
import static org.campaignengine.projections.analytics.Records.by;
import static org.campaignengine.projections.analytics.Records.receipt;
import static org.campaignengine.projections.analytics.Records.sent;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.campaignengine.domain.campaign.ArchiveReason;
import org.campaignengine.domain.campaign.CampaignEvent.Archived;
import org.campaignengine.domain.campaign.CampaignEvent.Completed;
import org.campaignengine.domain.campaign.CampaignEvent.Created;
import org.campaignengine.domain.campaign.CampaignEvent.Errored;
import org.campaignengine.domain.campaign.CampaignEvent.Paused;
import org.campaignengine.domain.campaign.CampaignEvent.Restarted;
import org.campaignengine.domain.campaign.CampaignEvent.Stopped;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.projections.analytics.ActivityAnswer.ActivityBucket;
import org.campaignengine.projections.analytics.ActivityAnswer.ActivitySeries;
import org.campaignengine.projections.analytics.ActivityAnswer.TooManyBuckets;
import org.junit.jupiter.api.Test;

/**
 * Contact message activity over the campaign's active range, after real event streams: the automatic
 * granularity exactly at and just past its boundaries, zero-filled buckets, explicit granularities and
 * their limit, and what ends and reopens the range. Run once per database by each subclass.
 */
abstract class ActivitySeriesContract extends AnalyticsDatabaseTest {

    /** Launches fall on the hour, so the hourly buckets of a one-day range are exactly 25. */
    static final Instant L = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void a_campaign_never_launched_has_an_empty_hourly_series() {
        String id = newId();
        analytics.campaign(id, L).publish(new Created(id, Channel.SMS, settings(5), null));

        assertThat(series(id, null, L.plus(ofDays(400)))).isEqualTo(new ActivitySeries(Granularity.HOUR, List.of()));
        assertThat(series(id, Granularity.DAY, L)).isEqualTo(new ActivitySeries(Granularity.DAY, List.of()));
        assertThat(activity(newId(), null, L)).isNull();
    }

    @Test
    void the_range_length_chooses_the_granularity_exactly_at_and_just_past_each_boundary() {
        String id = newId();
        launched(id, Channel.SMS, 5, L);
        Instant twoMonths = L.atZone(ZoneOffset.UTC).plusMonths(2).toInstant();
        Instant twoYears = L.atZone(ZoneOffset.UTC).plusYears(2).toInstant();

        assertShape(series(id, null, L), Granularity.HOUR, 1, L, L);
        assertShape(series(id, null, L.plus(ofDays(1))), Granularity.HOUR, 25, L, L.plus(ofDays(1)));
        assertShape(series(id, null, L.plus(ofDays(1)).plusSeconds(1)), Granularity.DAY, 2,
                day("2026-03-02"), day("2026-03-03"));
        assertShape(series(id, null, twoMonths.minusSeconds(1)), Granularity.DAY, 62,
                day("2026-03-02"), day("2026-05-02"));
        assertShape(series(id, null, twoMonths), Granularity.MONTH, 3, day("2026-03-01"), day("2026-05-01"));
        assertShape(series(id, null, twoYears.minusSeconds(1)), Granularity.MONTH, 25,
                day("2026-03-01"), day("2028-03-01"));
        assertShape(series(id, null, twoYears), Granularity.YEAR, 3, day("2026-01-01"), day("2028-01-01"));
    }

    @Test
    void buckets_count_inbound_and_outbound_records_by_their_time_and_the_rest_are_zero() {
        String id = newId();
        var campaign = launched(id, Channel.SMS, 5, L);
        campaign.publish(batch(id, sent(L.plus(ofMinutes(20)), "c1", "m1"),
                receipt(MESSAGE_DELIVERED, L.plus(ofMinutes(21)), "m1"),
                by(REPLY_RECEIVED, L.plus(ofMinutes(125)), "c1"),
                by(OPTED_OUT, L.plus(ofMinutes(150)), "c2"),
                by(AGENT_REPLIED, L.plus(ofMinutes(160)), "c1"),
                by(BOT_REPLIED, L.plus(ofMinutes(161)), "c2"),
                by(LINK_CLICKED, L.plus(ofMinutes(165)), "c1"),
                by(CALL_PLACED, L.plus(ofMinutes(170)), "c3"),
                by(NEEDS_ATTENTION_SET, L.plus(ofMinutes(171)), "c3")));
        Instant now = L.plus(ofMinutes(190));

        assertThat(series(id, null, now)).isEqualTo(new ActivitySeries(Granularity.HOUR, List.of(
                new ActivityBucket(L, 0, 1),
                new ActivityBucket(L.plus(ofHours(1)), 0, 0),
                new ActivityBucket(L.plus(ofHours(2)), 2, 3),
                new ActivityBucket(L.plus(ofHours(3)), 0, 0))));
        assertThat(series(id, Granularity.DAY, now)).isEqualTo(new ActivitySeries(Granularity.DAY,
                List.of(new ActivityBucket(day("2026-03-02"), 2, 4))));
        assertThat(series(id, Granularity.MONTH, now)).isEqualTo(new ActivitySeries(Granularity.MONTH,
                List.of(new ActivityBucket(day("2026-03-01"), 2, 4))));
        assertThat(series(id, Granularity.YEAR, now)).isEqualTo(new ActivitySeries(Granularity.YEAR,
                List.of(new ActivityBucket(day("2026-01-01"), 2, 4))));
    }

    @Test
    void months_and_years_are_zero_filled_across_the_turn_of_the_year() {
        String id = newId();
        Instant launch = Instant.parse("2026-11-15T08:00:00Z");
        var campaign = launched(id, Channel.SMS, 5, launch);
        campaign.publish(batch(id, sent(Instant.parse("2026-11-20T09:00:00Z"), "c1", "m1"),
                by(REPLY_RECEIVED, Instant.parse("2027-01-10T09:00:00Z"), "c1"),
                by(REPLY_RECEIVED, Instant.parse("2027-01-31T23:59:59Z"), "c1")));

        assertThat(series(id, null, Instant.parse("2027-02-01T00:00:00Z"))).isEqualTo(
                new ActivitySeries(Granularity.MONTH, List.of(new ActivityBucket(day("2026-11-01"), 0, 1),
                        new ActivityBucket(day("2026-12-01"), 0, 0), new ActivityBucket(day("2027-01-01"), 2, 0),
                        new ActivityBucket(day("2027-02-01"), 0, 0))));
        assertThat(series(id, null, Instant.parse("2029-01-01T00:00:00Z"))).isEqualTo(
                new ActivitySeries(Granularity.YEAR, List.of(new ActivityBucket(day("2026-01-01"), 0, 1),
                        new ActivityBucket(day("2027-01-01"), 2, 0), new ActivityBucket(day("2028-01-01"), 0, 0),
                        new ActivityBucket(day("2029-01-01"), 0, 0))));
    }

    @Test
    void an_explicit_granularity_is_drawn_up_to_ten_thousand_buckets_and_refused_past_them() {
        String id = newId();
        var campaign = launched(id, Channel.SMS, 5, L);
        campaign.publish(batch(id, sent(L.plus(ofHours(9_000)), "c1", "m1")));

        ActivitySeries most = (ActivitySeries) activity(id, Granularity.HOUR, L.plus(ofHours(9_999))).answer();
        assertThat(most.buckets()).hasSize(ActivityAnswer.MAX_BUCKETS);
        assertThat(most.buckets().get(9_000)).isEqualTo(new ActivityBucket(L.plus(ofHours(9_000)), 0, 1));
        assertThat(most.buckets().stream().mapToLong(ActivityBucket::outbound).sum()).isEqualTo(1);

        assertThat(activity(id, Granularity.HOUR, L.plus(ofHours(10_000))).answer())
                .isEqualTo(new TooManyBuckets(Granularity.HOUR, 10_001));
        assertShape(series(id, Granularity.DAY, L.plus(ofHours(10_000))), Granularity.DAY, 418,
                day("2026-03-02"), day("2027-04-23"));
    }

    @Test
    void stopping_ends_the_range_restarting_reopens_it_and_pausing_does_not_end_it() {
        String id = newId();
        var campaign = launched(id, Channel.SMS, 5, L);
        Instant much = L.plus(ofDays(400));
        campaign.after(ofHours(1)).publish(new Paused(id));
        assertShape(series(id, null, L.plus(ofHours(3))), Granularity.HOUR, 4, L, L.plus(ofHours(3)));

        campaign.after(ofHours(2)).publish(new Stopped(id, Channel.SMS));
        campaign.publish(batch(id, by(REPLY_RECEIVED, L.plus(ofHours(4)), "c1")));
        ActivitySeries stopped = series(id, null, much);
        assertShape(stopped, Granularity.HOUR, 4, L, L.plus(ofHours(3)));
        assertThat(stopped.buckets()).as("a reply after the stop is past the range")
                .allMatch(b -> b.inbound() == 0 && b.outbound() == 0);
        assertThat(figures(id).responses().contact()).as("outside the range, still a reply").isEqualTo(1);

        campaign.after(ofHours(2)).publish(new Restarted(id));
        ActivitySeries reopened = series(id, null, L.plus(ofDays(3)));
        assertShape(reopened, Granularity.DAY, 4, day("2026-03-02"), day("2026-03-05"));
        assertThat(reopened.buckets().get(0)).isEqualTo(new ActivityBucket(day("2026-03-02"), 1, 0));

        campaign.after(ofDays(2)).publish(new Completed(id, false));
        assertShape(series(id, null, much), Granularity.DAY, 3, day("2026-03-02"), day("2026-03-04"));

        campaign.after(ofDays(40)).publish(new Archived(id, ArchiveReason.MANUAL, List.of(), null));
        assertShape(series(id, null, much), Granularity.DAY, 43, day("2026-03-02"), day("2026-04-13"));
    }

    @Test
    void an_error_ends_a_voice_campaign_range() {
        String id = newId();
        var campaign = launched(id, Channel.VOICE, 5, L);
        campaign.after(ofMinutes(90)).publish(new Errored(id, "DIALER", "trunk down"));

        assertShape(series(id, null, L.plus(ofDays(30))), Granularity.HOUR, 2, L, L.plus(ofHours(1)));
        assertThat(activity(id, null, L).version()).isEqualTo(3);
        assertThat(series(id, null, L.plus(ofSeconds(1))).buckets()).hasSize(2);
    }

    private ActivitySeries series(String id, Granularity granularity, Instant now) {
        CampaignActivity found = activity(id, granularity, now);
        assertThat(found.campaignId()).isEqualTo(id);
        assertThat(found.office()).isEqualTo(OFFICE);
        return (ActivitySeries) found.answer();
    }

    private static void assertShape(ActivitySeries series, Granularity granularity, int buckets, Instant first,
                                    Instant last) {
        assertThat(series.granularity()).isEqualTo(granularity);
        assertThat(series.buckets()).hasSize(buckets);
        assertThat(series.buckets().get(0).start()).isEqualTo(first);
        assertThat(series.buckets().get(buckets - 1).start()).isEqualTo(last);
    }

    private static Instant day(String date) {
        return Instant.parse(date + "T00:00:00Z");
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
