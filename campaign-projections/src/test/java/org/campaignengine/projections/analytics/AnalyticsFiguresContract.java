package org.campaignengine.projections.analytics;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.domain.campaign.ActivityType.*;
import static org.campaignengine.projections.analytics.Records.by;
import static org.campaignengine.projections.analytics.Records.caller;
import static org.campaignengine.projections.analytics.Records.receipt;
import static org.campaignengine.projections.analytics.Records.sent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.campaignengine.domain.campaign.ActivityRecord;
import org.campaignengine.domain.campaign.ArchiveReason;
import org.campaignengine.domain.campaign.CampaignEvent.Archived;
import org.campaignengine.domain.campaign.CampaignEvent.Created;
import org.campaignengine.domain.campaign.CampaignEvent.Deleted;
import org.campaignengine.domain.campaign.CampaignEvent.Paused;
import org.campaignengine.domain.campaign.CampaignEvent.Resumed;
import org.campaignengine.domain.campaign.CampaignEvent.SettingsUpdated;
import org.campaignengine.domain.campaign.CampaignEvent.Stopped;
import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.domain.campaign.ContactList;
import org.campaignengine.projections.analytics.Analytics.Engagement;
import org.campaignengine.projections.analytics.Analytics.Recipients;
import org.campaignengine.projections.analytics.Analytics.Responses;
import org.campaignengine.projections.analytics.Analytics.SendStatus;
import org.campaignengine.projections.analytics.Analytics.Voice;
import org.junit.jupiter.api.Test;

/**
 * Every analytics figure after real event streams, asserted whole and exactly; run once per database
 * by each subclass. Send status, engagement, cost, click-through, recipients and voice; the median
 * agent response time has its own contract ({@link AgentResponseContract}).
 */
abstract class AnalyticsFiguresContract extends AnalyticsDatabaseTest {

    static final Instant L = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void a_created_campaign_has_no_activity_yet_and_its_contact_list_as_total() {
        String id = newId();
        analytics.campaign(id, L).publish(new Created(id, Channel.SMS, settings(250), null));

        assertThat(find(id)).isEqualTo(new CampaignAnalytics(id, OFFICE, false, 0, 0, new Analytics(
                new SendStatus(0, 0, 0, 0), new Engagement(0, 0, 0, 0.0), new Responses(0, 0, 0, null), 0, 0.0,
                new Recipients(0, 250), null)));
        assertThat(find(newId())).isNull();
    }

    @Test
    void sms_activity_moves_every_figure_once() {
        String id = newId();
        var campaign = launched(id, Channel.SMS, 10, L);
        campaign.publish(batch(id, sent(L.plusSeconds(60), "c1", "m1"), sent(L.plusSeconds(61), "c2", "m2"),
                sent(L.plusSeconds(62), "c3", "m3"), sent(L.plusSeconds(63), "c4", "m4")));
        campaign.publish(batch(id,
                receipt(MESSAGE_DELIVERED, L.plusSeconds(70), "m1"),
                receipt(MESSAGE_UNDELIVERED, L.plusSeconds(71), "m2"),
                receipt(MESSAGE_RETRYING, L.plusSeconds(72), "m3"),
                receipt(MESSAGE_DELIVERED, L.plusSeconds(73), "m4"),
                by(REPLY_RECEIVED, L.plus(ofMinutes(10)), "c1"),
                by(REPLY_RECEIVED, L.plus(ofMinutes(12)), "c1"),
                by(AGENT_REPLIED, L.plus(ofMinutes(15)), "c1"),
                by(REPLY_RECEIVED, L.plus(ofMinutes(20)), "c2"),
                by(AGENT_REPLIED, L.plus(ofMinutes(21)), "c2"),
                by(REPLY_RECEIVED, L.plus(ofMinutes(30)), "c9"),
                by(BOT_REPLIED, L.plus(ofMinutes(31)), "c9"),
                by(OPTED_OUT, L.plus(ofMinutes(32)), "c3"),
                by(LINK_CLICKED, L.plus(ofMinutes(33)), "c1"),
                Records.of(COST_INCURRED, L.plus(ofMinutes(34))).message("m1").cost(1_500).record(),
                Records.of(COST_INCURRED, L.plus(ofMinutes(34))).message("m2").cost(2_500).record()));

        // c9 replied without being messaged: a response, but not in the rate's numerator.
        assertThat(figures(id)).isEqualTo(new Analytics(new SendStatus(4, 2, 1, 1), new Engagement(4, 3, 1, 0.5),
                new Responses(4, 2, 1, 180.0), 4_000, 0.5, new Recipients(4, 10), null));
    }

    @Test
    void a_later_receipt_moves_its_message_and_never_counts_it_twice() {
        String id = newId();
        var campaign = launched(id, Channel.SMS, 10, L);
        Instant t = L.plus(ofMinutes(1));
        campaign.publish(batch(id, sent(t, "c1", "m1"), receipt(MESSAGE_RETRYING, t.plusSeconds(1), "m1")));
        assertThat(figures(id).sendStatus()).isEqualTo(new SendStatus(1, 0, 0, 1));
        campaign.publish(batch(id, receipt(MESSAGE_DELIVERED, t.plusSeconds(2), "m1")));
        assertThat(figures(id).sendStatus()).isEqualTo(new SendStatus(1, 1, 0, 0));

        campaign.publish(batch(id, sent(t, "c2", "m2"), receipt(MESSAGE_UNDELIVERED, t.plusSeconds(1), "m2")));
        assertThat(figures(id).sendStatus()).isEqualTo(new SendStatus(2, 1, 1, 0));
        campaign.publish(batch(id, receipt(MESSAGE_DELIVERED, t.plusSeconds(5), "m2")));
        assertThat(figures(id).sendStatus()).isEqualTo(new SendStatus(2, 2, 0, 0));

        // Reported late: older than the receipt that delivered m2, so it moves nothing.
        campaign.publish(batch(id, receipt(MESSAGE_RETRYING, t.plusSeconds(3), "m2")));
        assertThat(figures(id).sendStatus()).isEqualTo(new SendStatus(2, 2, 0, 0));

        // A receipt before its send counts the message; the send that follows does not count it again.
        campaign.publish(batch(id, receipt(MESSAGE_DELIVERED, t.plusSeconds(1), "m3")));
        assertThat(figures(id).sendStatus()).isEqualTo(new SendStatus(3, 3, 0, 0));
        campaign.publish(batch(id, sent(t, "c3", "m3"), sent(t.plusSeconds(9), "c1", "m1")));
        assertThat(figures(id).sendStatus()).isEqualTo(new SendStatus(3, 3, 0, 0));

        // A send that names no message is a message no receipt can reach; a receipt naming none is left out.
        campaign.publish(batch(id, Records.of(MESSAGE_SENT, t).contact("c4").record(),
                Records.of(MESSAGE_UNDELIVERED, t.plusSeconds(1)).record()));
        assertThat(figures(id)).isEqualTo(new Analytics(new SendStatus(4, 3, 0, 1), new Engagement(4, 0, 0, 0.0),
                new Responses(0, 0, 0, null), 0, 0.0, new Recipients(4, 10), null));
    }

    @Test
    void an_opt_out_alone_is_not_a_response_and_the_rate_never_exceeds_one() {
        String id = newId();
        var campaign = launched(id, Channel.SMS, 10, L);
        Instant t = L.plus(ofMinutes(1));
        campaign.publish(batch(id, sent(t, "c1", "m1"), by(OPTED_OUT, t.plusSeconds(5), "c1"),
                by(OPTED_OUT, t.plusSeconds(6), "c1")));
        assertThat(figures(id).engagement()).isEqualTo(new Engagement(1, 0, 1, 0.0));

        campaign.publish(batch(id, sent(t, "c2", "m2"), by(REPLY_RECEIVED, t.plusSeconds(5), "c2"),
                by(REPLY_RECEIVED, t.plusSeconds(5), "c3"), by(REPLY_RECEIVED, t.plusSeconds(5), "c4"),
                by(REPLY_RECEIVED, t.plusSeconds(6), "c5")));
        // four contacts responded but only c2 of the two messaged
        assertThat(figures(id).engagement()).isEqualTo(new Engagement(2, 4, 1, 0.5));

        campaign.publish(batch(id, sent(t.plusSeconds(10), "c3", "m3")));
        Analytics after = figures(id);
        assertThat(after.engagement()).isEqualTo(new Engagement(3, 4, 1, 2.0 / 3));
        assertThat(after.recipients()).isEqualTo(new Recipients(3, 10));
        assertThat(after.responses()).isEqualTo(new Responses(4, 0, 0, null));
    }

    @Test
    void callers_logged_in_are_those_whose_latest_login_is_not_followed_by_a_logout() {
        String id = newId();
        var campaign = launched(id, Channel.VOICE, 3, L);
        Instant t = L.plus(ofMinutes(1));
        campaign.publish(batch(id, caller(CALLER_LOGGED_IN, t, "a1"), caller(CALLER_LOGGED_IN, t.plusSeconds(1), "a2"),
                caller(CALLER_LOGGED_IN, t.plusSeconds(2), "a1")));
        assertThat(figures(id).voice()).isEqualTo(new Voice(0, 3, 2));

        campaign.publish(batch(id, caller(CALLER_LOGGED_OUT, t.plusSeconds(4), "a1"),
                caller(CALLER_LOGGED_OUT, t.plusSeconds(5), "a3"), Records.of(CALLER_LOGGED_IN, t).record()));
        assertThat(figures(id).voice()).isEqualTo(new Voice(0, 3, 1));

        // a login reported late, older than a1's logout, leaves a1 out
        campaign.publish(batch(id, caller(CALLER_LOGGED_IN, t.plusSeconds(3), "a1")));
        assertThat(figures(id).voice()).isEqualTo(new Voice(0, 3, 1));

        campaign.publish(batch(id, caller(CALLER_LOGGED_OUT, t.plusSeconds(6), "a2")));
        assertThat(figures(id).voice()).isEqualTo(new Voice(0, 3, 0));
        campaign.publish(batch(id, caller(CALLER_LOGGED_IN, t.plusSeconds(10), "a1")));
        assertThat(figures(id).voice()).isEqualTo(new Voice(0, 3, 1));
    }

    @Test
    void dials_count_every_call_and_remaining_counts_contacts_of_the_list_not_yet_dialed() {
        String id = newId();
        var campaign = launched(id, Channel.VOICE, 3, L);
        Instant t = L.plus(ofMinutes(1));
        campaign.publish(batch(id, by(CALL_PLACED, t, "c1"), by(CALL_CONNECTED, t.plusSeconds(1), "c1"),
                by(CALL_COMPLETED, t.plusSeconds(2), "c1"), by(CALL_PLACED, t.plusSeconds(3), "c1"),
                by(CALL_PLACED, t.plusSeconds(4), "c2")));
        assertThat(figures(id).voice()).isEqualTo(new Voice(3, 1, 0));

        campaign.publish(batch(id, by(CALL_PLACED, t.plusSeconds(5), "c3"), by(CALL_PLACED, t.plusSeconds(6), "c4"),
                Records.of(CALL_PLACED, t.plusSeconds(7)).record()));
        assertThat(figures(id)).isEqualTo(new Analytics(new SendStatus(0, 0, 0, 0), new Engagement(0, 0, 0, 0.0),
                new Responses(0, 0, 0, null), 0, 0.0, new Recipients(0, 3), new Voice(6, 0, 0)));
    }

    @Test
    void voice_figures_are_shown_only_for_a_voice_campaign_even_when_an_sms_one_reports_calls() {
        String sms = newId();
        var text = launched(sms, Channel.SMS, 3, L);
        Instant t = L.plus(ofMinutes(1));
        text.publish(batch(sms, by(CALL_PLACED, t, "c1"), caller(CALLER_LOGGED_IN, t, "a1"),
                sent(t.plusSeconds(1), "c2", "m2")));
        assertThat(figures(sms).voice()).as("no voice section for SMS, not zeros and the list as remaining").isNull();
        assertThat(figures(sms).recipients()).isEqualTo(new Recipients(1, 3));

        String voice = newId();
        analytics.campaign(voice, L).publish(new Created(voice, Channel.VOICE, settings(3), null));
        assertThat(figures(voice).voice()).as("a voice draft: nothing dialed yet").isEqualTo(new Voice(0, 3, 0));
    }

    @Test
    void receipts_and_costs_reported_after_the_archive_still_count() {
        String id = newId();
        var campaign = launched(id, Channel.SMS, 5, L);
        campaign.publish(batch(id, sent(L.plusSeconds(30), "c1", "m1"), sent(L.plusSeconds(31), "c2", "m2"),
                by(LINK_CLICKED, L.plusSeconds(40), "c1")));
        campaign.after(ofMinutes(10)).publish(new Stopped(id, Channel.SMS));
        campaign.after(ofMinutes(1)).publish(new Archived(id, ArchiveReason.MANUAL, List.of(), null));
        assertThat(figures(id).sendStatus()).isEqualTo(new SendStatus(2, 0, 0, 2));
        assertThat(figures(id).clickThroughRate()).isZero();

        campaign.after(ofMinutes(5)).publish(batch(id, receipt(MESSAGE_DELIVERED, L.plusSeconds(35), "m1"),
                receipt(MESSAGE_UNDELIVERED, L.plusSeconds(36), "m2"),
                Records.of(COST_INCURRED, L.plusSeconds(37)).message("m1").cost(700).record()));

        assertThat(figures(id)).isEqualTo(new Analytics(new SendStatus(2, 1, 1, 0), new Engagement(2, 0, 0, 0.0),
                new Responses(0, 0, 0, null), 700, 1.0, new Recipients(2, 5), null));
    }

    @Test
    void costs_stop_at_the_largest_long_within_a_batch_and_across_batches_and_never_turn_negative() {
        String id = newId();
        var campaign = launched(id, Channel.SMS, 5, L);
        campaign.publish(batch(id, cost(L.plusSeconds(1), Long.MAX_VALUE), cost(L.plusSeconds(2), Long.MAX_VALUE)));
        assertThat(figures(id).costMicros()).isEqualTo(Long.MAX_VALUE);

        campaign.publish(batch(id, cost(L.plusSeconds(3), Long.MAX_VALUE)));
        assertThat(figures(id).costMicros()).isEqualTo(Long.MAX_VALUE);

        // a negative cost could be stored before costs were bounded; it still replays, and lowers the sum
        campaign.publish(batch(id, cost(L.plusSeconds(4), -5)));
        assertThat(figures(id).costMicros()).isEqualTo(Long.MAX_VALUE - 5);
        campaign.publish(batch(id, cost(L.plusSeconds(5), 1_000), sent(L.plusSeconds(6), "c1", "m1")));
        assertThat(figures(id).costMicros()).isEqualTo(Long.MAX_VALUE);
        assertThat(figures(id).sendStatus()).as("the read model kept going").isEqualTo(new SendStatus(1, 0, 0, 1));
    }

    private static ActivityRecord cost(Instant at, long micros) {
        return Records.of(COST_INCURRED, at).cost(micros).record();
    }

    @Test
    void settings_move_the_office_and_the_total_and_every_lifecycle_event_the_version() {
        String id = newId();
        var campaign = launched(id, Channel.SMS, 100, L);
        assertThat(find(id).version()).isEqualTo(2);
        CampaignSettings moved = settings(40).toBuilder().office("south")
                .contactList(new ContactList("list-2", "Smaller", 40)).build();
        campaign.publish(new Paused(id));
        campaign.publish(new SettingsUpdated(id, moved, List.of("office", "contactList"), null, false));
        campaign.publish(batch(id, sent(L.plusSeconds(5), "c1", "m1")));
        campaign.publish(new Resumed(id, null));

        CampaignAnalytics found = find(id);
        assertThat(found.office()).isEqualTo("south");
        assertThat(found.version()).as("activity has no place in the campaign's stream").isEqualTo(5);
        assertThat(found.deleted()).isFalse();
        assertThat(found.analytics().recipients()).isEqualTo(new Recipients(1, 40));
        assertThat(found.analytics().voice()).as("an SMS campaign has no voice figures").isNull();
    }

    @Test
    void a_deleted_draft_is_marked_deleted() {
        String id = newId();
        var campaign = analytics.campaign(id, L);
        campaign.publish(new Created(id, Channel.SMS, settings(5), null));
        campaign.after(ofSeconds(5)).publish(new Deleted(id));

        assertThat(find(id).deleted()).isTrue();
        assertThat(find(id).version()).isEqualTo(1);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }
}
