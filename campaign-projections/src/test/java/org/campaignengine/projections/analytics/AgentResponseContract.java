package org.campaignengine.projections.analytics;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.domain.campaign.ActivityType.*;
import static org.campaignengine.projections.analytics.Records.by;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.campaignengine.domain.campaign.ActivityRecord;
import org.campaignengine.domain.campaign.CampaignEvent.ActivityRecorded;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.projections.ProjectionHarness;
import org.campaignengine.projections.analytics.Analytics.Responses;
import org.junit.jupiter.api.Test;

/**
 * Responses and the exact median agent response time: which agent reply answers which contact
 * message, odd and even counts, and the histogram's quarter-hour bands. Run once per database by each
 * subclass.
 */
abstract class AgentResponseContract extends AnalyticsDatabaseTest {

    static final Instant L = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void the_median_of_an_odd_count_is_the_middle_time_and_of_an_even_count_the_mean_of_the_two_middle() {
        String id = newId();
        var campaign = launched(id, Channel.SMS, 10, L);
        answered(campaign, id, "a", 10);
        answered(campaign, id, "b", 31);
        answered(campaign, id, "c", 20);
        assertThat(figures(id).responses()).isEqualTo(new Responses(3, 3, 0, 20.0));

        answered(campaign, id, "d", 100);
        assertThat(figures(id).responses()).isEqualTo(new Responses(4, 4, 0, 25.5));

        answered(campaign, id, "e", 100);
        answered(campaign, id, "f", 100);
        // 10, 20, 31, 100, 100, 100: the two middle times are 31 and 100.
        assertThat(figures(id).responses()).isEqualTo(new Responses(6, 6, 0, 65.5));
        answered(campaign, id, "g", 100);
        assertThat(figures(id).responses()).isEqualTo(new Responses(7, 7, 0, 100.0));
    }

    @Test
    void the_median_is_found_across_quarter_hour_bands_of_many_distinct_times() {
        String id = newId();
        var campaign = launched(id, Channel.SMS, 10, L);
        List<ActivityRecord> records = new ArrayList<>();
        for (int seconds = 1; seconds <= 2_001; seconds++) {
            records.add(by(REPLY_RECEIVED, L.plus(ofMinutes(1)), "contact-" + seconds));
            records.add(by(AGENT_REPLIED, L.plus(ofMinutes(1)).plusSeconds(seconds), "contact-" + seconds));
        }
        campaign.publish(new ActivityRecorded(id, records));
        assertThat(figures(id).responses()).isEqualTo(new Responses(2_001, 2_001, 0, 1_001.0));

        answered(campaign, id, "last", 5_000);
        assertThat(figures(id).responses()).isEqualTo(new Responses(2_002, 2_002, 0, 1_001.5));
        assertThat(rows("analytics_response_time")).isEqualTo(2_002);
        assertThat(rows("analytics_response_band")).as("0-899, 900-1799, 1800-2699, 4500-5399").isEqualTo(4);
    }

    @Test
    void the_two_middle_times_of_an_even_count_may_lie_in_neighbouring_bands() {
        String id = newId();
        var campaign = launched(id, Channel.SMS, 10, L);
        answered(campaign, id, "a", 899);
        answered(campaign, id, "b", 900);
        assertThat(figures(id).responses().medianAgentResponseSeconds()).isEqualTo(899.5);

        answered(campaign, id, "c", 0);
        answered(campaign, id, "d", 0);
        answered(campaign, id, "e", 0);
        // 0, 0, 0, 899, 900: the middle one is 0
        assertThat(figures(id).responses().medianAgentResponseSeconds()).isEqualTo(0.0);
    }

    @Test
    void an_agent_reply_answers_the_earliest_unanswered_contact_message_once() {
        String id = newId();
        var campaign = launched(id, Channel.SMS, 10, L);
        Instant t = L.plus(ofMinutes(5));
        campaign.publish(batch(id,
                by(REPLY_RECEIVED, t, "c1"),
                by(REPLY_RECEIVED, t.plusSeconds(10), "c1"),
                by(BOT_REPLIED, t.plusSeconds(20), "c1"),
                by(AGENT_REPLIED, t.plusSeconds(60), "c1"),
                by(AGENT_REPLIED, t.plusSeconds(90), "c1"),
                by(AGENT_REPLIED, t.plusSeconds(95), "c2"),
                Records.of(AGENT_REPLIED, t.plusSeconds(96)).record()));
        assertThat(figures(id).responses()).isEqualTo(new Responses(2, 4, 1, 60.0));

        // A reply reported before an agent reply timed earlier than it: that agent reply did not answer it.
        campaign.publish(batch(id, by(REPLY_RECEIVED, t.plusSeconds(100), "c1"),
                by(AGENT_REPLIED, t.plusSeconds(99), "c1")));
        campaign.publish(batch(id, by(AGENT_REPLIED, t.plusSeconds(130), "c1")));
        assertThat(figures(id).responses()).isEqualTo(new Responses(3, 6, 1, 45.0));
    }

    /** Contact {@code contact} writes a minute after launch and an agent answers {@code seconds} later. */
    private static void answered(ProjectionHarness<AnalyticsProjection>.Timeline campaign, String id, String contact,
                                 long seconds) {
        Instant asked = L.plus(ofMinutes(1));
        campaign.publish(batch(id, by(REPLY_RECEIVED, asked, contact),
                by(AGENT_REPLIED, asked.plusSeconds(seconds), contact)));
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
