package org.campaignengine.projections.analytics;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.campaignengine.domain.campaign.ActivityRecord;
import org.campaignengine.domain.campaign.ActivityType;
import org.campaignengine.projections.analytics.ActivityAnswer.ActivitySeries;
import org.campaignengine.projections.analytics.ActivityAnswer.TooManyBuckets;
import org.campaignengine.projections.analytics.States.Caller;
import org.campaignengine.projections.analytics.States.Contact;
import org.campaignengine.projections.analytics.States.Message;
import org.springframework.jdbc.core.JdbcTemplate;

/** The analytics tables together: a batch of activity applied in a few statements, and the two answers. */
final class AnalyticsStore {

    private static final Set<ActivityType> CONTACT_TYPES = EnumSet.of(ActivityType.MESSAGE_SENT,
            ActivityType.REPLY_RECEIVED, ActivityType.AGENT_REPLIED, ActivityType.OPTED_OUT, ActivityType.CALL_PLACED);
    private static final Set<ActivityType> MESSAGE_TYPES = EnumSet.of(ActivityType.MESSAGE_SENT,
            ActivityType.MESSAGE_DELIVERED, ActivityType.MESSAGE_UNDELIVERED, ActivityType.MESSAGE_RETRYING);
    private static final Set<ActivityType> CALLER_TYPES = EnumSet.of(ActivityType.CALLER_LOGGED_IN,
            ActivityType.CALLER_LOGGED_OUT);

    private final JdbcTemplate jdbc;
    private final AnalyticsCampaigns campaigns;
    private final ResponseTimes responseTimes;
    private final ActivityBuckets buckets;

    AnalyticsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.campaigns = new AnalyticsCampaigns(jdbc);
        this.responseTimes = new ResponseTimes(jdbc);
        this.buckets = new ActivityBuckets(jdbc);
    }

    AnalyticsCampaigns campaigns() {
        return campaigns;
    }

    /** Loads what the batch touches, applies it in order, and writes each changed row once. */
    void record(String campaignId, List<ActivityRecord> records, Instant arrivedAt) {
        var contacts = new KeyedStates<>(StateTable.CONTACTS.load(jdbc, campaignId,
                keys(records, CONTACT_TYPES, r -> r.contactId() == null ? null : r.contactId().value())));
        var messages = new KeyedStates<>(StateTable.MESSAGES.load(jdbc, campaignId,
                keys(records, MESSAGE_TYPES, ActivityRecord::messageId)));
        var callers = new KeyedStates<>(StateTable.CALLERS.load(jdbc, campaignId,
                keys(records, CALLER_TYPES, ActivityRecord::callerId)));
        ActivityFold fold = new ActivityFold(contacts, messages, callers);
        records.forEach(record -> fold.apply(record, arrivedAt));
        fold.counters.add(Counter.ACTIVITY_RECORDS, records.size());
        StateTable.CONTACTS.save(jdbc, campaignId, contacts);
        StateTable.MESSAGES.save(jdbc, campaignId, messages);
        StateTable.CALLERS.save(jdbc, campaignId, callers);
        responseTimes.add(campaignId, fold.responseTimes);
        buckets.add(campaignId, fold.buckets);
        campaigns.add(campaignId, fold.counters);
    }

    Optional<CampaignAnalytics> analytics(String campaignId) {
        return campaigns.find(campaignId).map(row -> new CampaignAnalytics(row.campaignId(), row.office(),
                row.deleted(), row.version(), row.get(Counter.ACTIVITY_RECORDS),
                row.analytics(responseTimes.median(campaignId, row.get(Counter.RESPONSE_SAMPLES)))));
    }

    /**
     * The series of the active range cut by the granularity asked for, or by the range's length; a
     * campaign never launched has an empty series (per hour unless another granularity was asked for).
     */
    Optional<CampaignActivity> activity(FindActivity query) {
        return campaigns.find(query.campaignId()).map(row -> new CampaignActivity(row.campaignId(), row.office(),
                row.deleted(), row.version(), row.get(Counter.ACTIVITY_RECORDS), answer(row, query)));
    }

    private ActivityAnswer answer(AnalyticsRow row, FindActivity query) {
        ActiveRange range = row.activeRange(query.now());
        if (range == null) {
            return new ActivitySeries(query.granularity() == null ? Granularity.HOUR : query.granularity(), List.of());
        }
        Granularity granularity = query.granularity() == null ? range.autoGranularity() : query.granularity();
        long needed = range.bucketCount(granularity);
        if (needed > ActivityAnswer.MAX_BUCKETS) {
            return new TooManyBuckets(granularity, needed);
        }
        return new ActivitySeries(granularity, buckets.series(row.campaignId(), granularity, range));
    }

    void deleteAll() {
        for (String table : List.of("analytics_activity_bucket", "analytics_response_band", "analytics_response_time",
                StateTable.CALLERS.table, StateTable.MESSAGES.table, StateTable.CONTACTS.table, "analytics_campaign")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    /** The keys of the records of these types that name one, as the key columns hold them. */
    private static Set<String> keys(List<ActivityRecord> records, Set<ActivityType> types,
                                    Function<ActivityRecord, String> id) {
        Set<String> keys = new LinkedHashSet<>();
        for (ActivityRecord record : records) {
            String value = types.contains(record.type()) ? id.apply(record) : null;
            if (value != null) {
                keys.add(Keys.of(value));
            }
        }
        return keys;
    }
}
