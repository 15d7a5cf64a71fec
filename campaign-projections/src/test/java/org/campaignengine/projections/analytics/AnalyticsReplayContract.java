package org.campaignengine.projections.analytics;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.domain.campaign.ActivityType.*;
import static org.campaignengine.projections.analytics.Records.by;
import static org.campaignengine.projections.analytics.Records.caller;
import static org.campaignengine.projections.analytics.Records.receipt;
import static org.campaignengine.projections.analytics.Records.sent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.campaignengine.domain.campaign.CampaignEvent.Created;
import org.campaignengine.domain.campaign.CampaignEvent.LaunchRequested;
import org.campaignengine.domain.campaign.CampaignEvent.Launched;
import org.campaignengine.domain.campaign.CampaignEvent.Stopped;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.projections.ProjectionHarness;
import org.campaignengine.projections.analytics.Analytics.SendStatus;
import org.junit.jupiter.api.Test;

/**
 * Replays (the lifecycle rules' history and audit: rebuild any read model and get the same result) and streams written before
 * activity left the campaign's stream. Run once per database by each subclass.
 */
abstract class AnalyticsReplayContract extends AnalyticsDatabaseTest {

    static final Instant L = Instant.parse("2026-06-01T08:00:00Z");
    static final List<String> TABLES = List.of("analytics_campaign", "analytics_contact", "analytics_message",
            "analytics_caller", "analytics_response_time", "analytics_response_band", "analytics_activity_bucket");

    @Test
    void a_reset_empties_every_table_and_a_replay_of_the_same_events_yields_identical_figures() {
        String sms = UUID.randomUUID().toString();
        String voice = UUID.randomUUID().toString();
        List<EventMessage<?>> history = new ArrayList<>();
        var first = analytics.campaign(sms, L);
        history.add(first.publish(new Created(sms, Channel.SMS, settings(20), null)));
        history.add(first.after(ofMinutes(1)).publish(new LaunchRequested(sms, "l", Channel.SMS, settings(20), null)));
        history.add(first.after(ofMinutes(1)).publish(new Launched(sms, "l", List.of(), null)));
        history.add(first.publish(batch(sms, sent(L.plus(ofMinutes(5)), "c1", "m1"),
                sent(L.plus(ofMinutes(5)), "c2", "m2"),
                receipt(MESSAGE_RETRYING, L.plus(ofMinutes(6)), "m1"), by(REPLY_RECEIVED, L.plus(ofMinutes(30)), "c1"),
                by(OPTED_OUT, L.plus(ofMinutes(31)), "c2"), by(LINK_CLICKED, L.plus(ofMinutes(32)), "c1"))));
        history.add(first.publish(batch(sms, receipt(MESSAGE_DELIVERED, L.plus(ofMinutes(7)), "m1"),
                by(AGENT_REPLIED, L.plus(ofMinutes(33)).plusSeconds(7), "c1"),
                Records.of(COST_INCURRED, L.plus(ofMinutes(40))).cost(900).record())));
        history.add(first.after(ofHours(30)).publish(new Stopped(sms, Channel.SMS)));
        var second = analytics.campaign(voice, L);
        history.add(second.publish(new Created(voice, Channel.VOICE, settings(2), null)));
        history.add(second.after(ofMinutes(2)).publish(new Launched(voice, "v", List.of(), null)));
        history.add(second.publish(batch(voice, caller(CALLER_LOGGED_IN, L.plus(ofMinutes(3)), "a1"),
                by(CALL_PLACED, L.plus(ofMinutes(4)), "c1"), by(CALL_PLACED, L.plus(ofMinutes(5)), "c1"))));
        Instant now = L.plus(ofHours(50));
        CampaignAnalytics smsBefore = find(sms);
        CampaignAnalytics voiceBefore = find(voice);
        CampaignActivity seriesBefore = activity(sms, null, now);
        CampaignActivity hoursBefore = activity(sms, Granularity.HOUR, now);
        assertThat(smsBefore.analytics().sendStatus()).isEqualTo(new SendStatus(2, 1, 0, 1));
        assertThat(smsBefore.analytics().responses().medianAgentResponseSeconds()).isEqualTo(187.0);
        assertThat(voiceBefore.analytics().voice()).isEqualTo(new Analytics.Voice(2, 1, 1));

        analytics.reset();
        for (String table : TABLES) {
            assertThat(rows(table)).as(table).isZero();
        }
        assertThat(find(sms)).isNull();

        history.forEach(analytics::redeliver);
        assertThat(find(sms)).isEqualTo(smsBefore);
        assertThat(find(voice)).isEqualTo(voiceBefore);
        assertThat(activity(sms, null, now)).isEqualTo(seriesBefore);
        assertThat(activity(sms, Granularity.HOUR, now)).isEqualTo(hoursBefore);
    }

    @Test
    void activity_stored_as_the_campaigns_own_event_counts_alike_and_moves_the_version() {
        String id = UUID.randomUUID().toString();
        ProjectionHarness<AnalyticsProjection>.Timeline campaign = launched(id, Channel.SMS, 3, L);
        analytics.redeliver(new GenericDomainEventMessage<>(ProjectionHarness.AGGREGATE_TYPE, id, 3,
                batch(id, sent(L.plus(ofMinutes(1)), "c1", "m1"),
                        receipt(MESSAGE_DELIVERED, L.plus(ofMinutes(2)), "m1")),
                Map.of("actor", "tester"), UUID.randomUUID().toString(), L.plus(ofMinutes(3))));

        CampaignAnalytics found = find(id);
        assertThat(found.version()).isEqualTo(3);
        assertThat(found.analytics().sendStatus()).isEqualTo(new SendStatus(1, 1, 0, 0));
        assertThat(found.analytics().recipients()).isEqualTo(new Analytics.Recipients(1, 3));
        assertThat(campaign.now()).isEqualTo(L);
    }

    @Test
    void ids_longer_than_their_column_are_kept_apart_by_their_digest() {
        String id = UUID.randomUUID().toString();
        var campaign = launched(id, Channel.SMS, 3, L);
        String longMessage = "m".repeat(300);
        String longContact = "c".repeat(150);
        campaign.publish(batch(id, sent(L.plus(ofMinutes(1)), longContact + "1", longMessage + "1"),
                sent(L.plus(ofMinutes(1)), longContact + "2", longMessage + "2"),
                receipt(MESSAGE_DELIVERED, L.plus(ofMinutes(2)), longMessage + "1")));
        campaign.publish(batch(id, receipt(MESSAGE_UNDELIVERED, L.plus(ofMinutes(3)), longMessage + "2"),
                by(REPLY_RECEIVED, L.plus(ofMinutes(4)), longContact + "1")));

        Analytics figures = figures(id);
        assertThat(figures.sendStatus()).isEqualTo(new SendStatus(2, 1, 1, 0));
        assertThat(figures.engagement()).isEqualTo(new Analytics.Engagement(2, 1, 0, 0.5));
    }
}
