package org.campaignengine.projections.analytics;

import static org.campaignengine.projections.analytics.Counter.*;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.projections.analytics.Analytics.Engagement;
import org.campaignengine.projections.analytics.Analytics.Recipients;
import org.campaignengine.projections.analytics.Analytics.Responses;
import org.campaignengine.projections.analytics.Analytics.SendStatus;
import org.campaignengine.projections.analytics.Analytics.Voice;

/**
 * A campaign's analytics row as stored: its header (with the channel, null only for a row whose campaign
 * the status index never knew when the column was added), active range and counters.
 */
record AnalyticsRow(String campaignId, Channel channel, String office, boolean deleted, long version, long contactTotal,
                    Instant launchedAt, Instant endedAt, Map<Counter, Long> counters) {

    AnalyticsRow {
        counters = new EnumMap<>(counters);
    }

    long get(Counter counter) {
        return counters.getOrDefault(counter, 0L);
    }

    /**
     * The figures the API shows, derived from the counters alone (and the median, read apart). Voice figures
     * only for a VOICE campaign: no one dials in another, so its {@code voice} is null rather than zeros and
     * a "remaining" that would be the whole contact list.
     */
    Analytics analytics(Double medianAgentResponseSeconds) {
        long total = get(MESSAGES);
        long delivered = get(DELIVERED);
        long undelivered = get(UNDELIVERED);
        long messaged = get(CONTACTS_MESSAGED);
        return new Analytics(
                new SendStatus(total, delivered, undelivered, total - delivered - undelivered),
                new Engagement(messaged, get(CONTACTS_RESPONDED), get(CONTACTS_OPTED_OUT),
                        ratio(get(CONTACTS_ENGAGED), messaged)),
                new Responses(get(CONTACT_REPLIES), get(AGENT_REPLIES), get(BOT_REPLIES), medianAgentResponseSeconds),
                get(COST_MICROS),
                ratio(get(LINK_CLICKS), delivered),
                new Recipients(messaged, contactTotal),
                channel == Channel.VOICE
                        ? new Voice(get(DIALS), Math.max(0, contactTotal - get(CONTACTS_DIALED)), get(CALLERS_LOGGED_IN))
                        : null);
    }

    /** The range to chart, or null before the campaign's first launch. */
    ActiveRange activeRange(Instant now) {
        return launchedAt == null ? null : new ActiveRange(launchedAt, endedAt != null ? endedAt : now);
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
