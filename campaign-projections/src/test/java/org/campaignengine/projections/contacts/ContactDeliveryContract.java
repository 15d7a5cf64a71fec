package org.campaignengine.projections.contacts;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.domain.campaign.ActivityType.*;
import static org.campaignengine.projections.ActivityRecords.batch;
import static org.campaignengine.projections.ActivityRecords.record;
import static org.campaignengine.projections.contacts.Delivery.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.campaignengine.domain.campaign.ArchiveReason;
import org.campaignengine.domain.campaign.CampaignEvent.Archived;
import org.campaignengine.domain.campaign.CampaignEvent.Stopped;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.projections.ProjectionHarness.Timeline;
import org.campaignengine.projections.scope.CampaignScope;
import org.junit.jupiter.api.Test;

/**
 * Which contacts a campaign has and what each shows: the delivery of its latest message through sends and
 * receipts in any order of arrival, opt-out, name and phone, with the totals per delivery alongside.
 */
abstract class ContactDeliveryContract extends ContactsDatabaseTest {


    @Test
    void delivery_follows_the_receipts_of_each_contacts_message() {
        String id = newId();
        Timeline campaign = launched(id);
        Instant sent = campaign.after(ofMinutes(1)).now();
        campaign.publish(batch(id,
                record(MESSAGE_SENT, "c-1", sent).name("Ann Lee").phone("+14155550101").message("m-1"),
                record(MESSAGE_SENT, "c-2", sent).name("Bo Chen").phone("+14155550102").message("m-2"),
                record(MESSAGE_SENT, "c-3", sent).name("Cy Diaz").phone("+14155550103").message("m-3")));
        assertThat(page(id, null, 0, 10).items()).extracting(ContactRow::delivery).containsExactly(PENDING, PENDING, PENDING);
        assertThat(totals(id)).isEqualTo(Map.of("all", 3L, PENDING, 3L, RETRYING, 0L, DELIVERED, 0L, UNDELIVERED, 0L));

        campaign.after(ofMinutes(2)).publish(batch(id,
                record(MESSAGE_RETRYING, "c-1", sent.plusSeconds(30)).message("m-1"),
                record(MESSAGE_UNDELIVERED, "c-2", sent.plusSeconds(40)).message("m-2").reason("carrier: spam filter"),
                record(MESSAGE_DELIVERED, "c-3", sent.plusSeconds(20)).message("m-3")));
        assertThat(page(id, null, 0, 10).items()).containsExactly(
                new ContactRow("c-1", "Ann Lee", "+14155550101", RETRYING, null, false, sent.plusSeconds(30)),
                new ContactRow("c-2", "Bo Chen", "+14155550102", UNDELIVERED, "carrier: spam filter", false,
                        sent.plusSeconds(40)),
                new ContactRow("c-3", "Cy Diaz", "+14155550103", DELIVERED, null, false, sent.plusSeconds(20)));
        assertThat(totals(id)).isEqualTo(Map.of("all", 3L, PENDING, 0L, RETRYING, 1L, DELIVERED, 1L, UNDELIVERED, 1L));

        campaign.after(ofMinutes(1)).publish(batch(id, record(MESSAGE_DELIVERED, "c-1", sent.plusSeconds(90)).message("m-1")));
        assertThat(page(id, DELIVERED, 0, 10).items()).containsExactly(
                new ContactRow("c-1", "Ann Lee", "+14155550101", DELIVERED, null, false, sent.plusSeconds(90)),
                new ContactRow("c-3", "Cy Diaz", "+14155550103", DELIVERED, null, false, sent.plusSeconds(20)));
        assertThat(page(id, UNDELIVERED, 0, 10).items()).extracting(ContactRow::contactId).containsExactly("c-2");
        assertThat(page(id, RETRYING, 0, 10).items()).isEmpty();
        assertThat(totals(id)).isEqualTo(Map.of("all", 3L, PENDING, 0L, RETRYING, 0L, DELIVERED, 2L, UNDELIVERED, 1L));
    }

    @Test
    void a_new_message_is_pending_again_and_receipts_of_earlier_messages_or_older_receipts_change_nothing() {
        String id = newId();
        Timeline campaign = launched(id);
        Instant t = campaign.after(ofMinutes(1)).now();
        campaign.publish(batch(id, record(MESSAGE_SENT, "c-1", t).message("m-1"),
                record(MESSAGE_UNDELIVERED, "c-1", t.plusSeconds(10)).message("m-1").reason("unreachable")));
        assertThat(only(id).delivery()).isEqualTo(UNDELIVERED);

        campaign.after(ofMinutes(2)).publish(batch(id, record(MESSAGE_SENT, "c-1", t.plusSeconds(60)).message("m-2")));
        assertThat(only(id)).isEqualTo(new ContactRow("c-1", null, null, PENDING, null, false, t.plusSeconds(60)));

        campaign.publish(batch(id,
                record(MESSAGE_DELIVERED, "c-1", t.plusSeconds(70)).message("m-1"),
                record(MESSAGE_SENT, "c-1", t.minusSeconds(60)).message("m-0")));
        assertThat(only(id).delivery()).as("a receipt of m-1 and a late report of an older send").isEqualTo(PENDING);

        campaign.publish(batch(id,
                record(MESSAGE_RETRYING, "c-1", t.plusSeconds(80)).message("m-2"),
                record(MESSAGE_DELIVERED, "c-1", t.plusSeconds(100)).message("m-2"),
                record(MESSAGE_RETRYING, "c-1", t.plusSeconds(90)).message("m-2")));
        assertThat(only(id)).isEqualTo(new ContactRow("c-1", null, null, DELIVERED, null, false, t.plusSeconds(100)));
        assertThat(totals(id)).isEqualTo(Map.of("all", 1L, PENDING, 0L, RETRYING, 0L, DELIVERED, 1L, UNDELIVERED, 0L));
    }

    @Test
    void a_contact_appears_once_any_record_names_it_and_has_no_delivery_until_a_message_is_sent() {
        String id = newId();
        Timeline campaign = launched(id);
        Instant t = campaign.after(ofMinutes(1)).now();
        campaign.publish(batch(id,
                record(REPLY_RECEIVED, "c-9", t).name("Dee Fox").phone("+14155550109"),
                record(LINK_CLICKED, "c-8", t.plusSeconds(5)),
                record(COST_INCURRED, null, t.plusSeconds(6)),
                record(CALLER_LOGGED_IN, null, t.plusSeconds(7))));
        assertThat(page(id, null, 0, 10).items()).containsExactly(
                new ContactRow("c-8", null, null, null, null, false, t.plusSeconds(5)),
                new ContactRow("c-9", "Dee Fox", "+14155550109", null, null, false, t));
        assertThat(totals(id)).isEqualTo(Map.of("all", 2L, PENDING, 0L, RETRYING, 0L, DELIVERED, 0L, UNDELIVERED, 0L));
        assertThat(page(id, PENDING, 0, 10).items()).isEmpty();

        campaign.publish(batch(id, record(MESSAGE_SENT, "c-9", t.plusSeconds(30)).message("m-9")));
        assertThat(page(id, PENDING, 0, 10).items()).extracting(ContactRow::contactId).containsExactly("c-9");
        assertThat(totals(id)).isEqualTo(Map.of("all", 2L, PENDING, 1L, RETRYING, 0L, DELIVERED, 0L, UNDELIVERED, 0L));
    }

    @Test
    void an_opt_out_marks_the_contact_and_keeps_its_delivery() {
        String id = newId();
        Timeline campaign = launched(id);
        Instant t = campaign.after(ofMinutes(1)).now();
        campaign.publish(batch(id, record(MESSAGE_SENT, "c-1", t).message("m-1"),
                record(MESSAGE_DELIVERED, "c-1", t.plusSeconds(3)).message("m-1")));
        assertThat(only(id).optedOut()).isFalse();

        campaign.after(ofMinutes(5)).publish(batch(id, record(OPTED_OUT, "c-1", t.plusSeconds(300))));
        assertThat(only(id)).isEqualTo(new ContactRow("c-1", null, null, DELIVERED, null, true, t.plusSeconds(300)));
    }

    @Test
    void receipts_reported_after_the_campaign_is_archived_still_count() {
        String id = newId();
        Timeline campaign = launched(id);
        Instant t = campaign.after(ofMinutes(1)).now();
        campaign.publish(batch(id, record(MESSAGE_SENT, "c-1", t).message("m-1"), record(MESSAGE_SENT, "c-2", t).message("m-2")));
        campaign.after(ofMinutes(1)).publish(new Stopped(id, Channel.SMS));
        campaign.publish(new Archived(id, ArchiveReason.MANUAL, List.of(NUMBER), null));

        campaign.after(ofMinutes(1)).publish(batch(id,
                record(MESSAGE_DELIVERED, "c-1", t.plusSeconds(100)).message("m-1"),
                record(MESSAGE_UNDELIVERED, "c-2", t.plusSeconds(110)).message("m-2").reason("landline")));
        assertThat(page(id, null, 0, 10).items()).containsExactly(
                new ContactRow("c-1", null, null, DELIVERED, null, false, t.plusSeconds(100)),
                new ContactRow("c-2", null, null, UNDELIVERED, "landline", false, t.plusSeconds(110)));
        assertThat(totals(id)).isEqualTo(Map.of("all", 2L, PENDING, 0L, RETRYING, 0L, DELIVERED, 1L, UNDELIVERED, 1L));
        assertThat(scope(id)).contains(new CampaignScope(id, "Boston", false, 4, 4));
    }

    @Test
    void name_and_phone_come_from_the_latest_record_that_carries_them() {
        String id = newId();
        Timeline campaign = launched(id);
        Instant t = campaign.after(ofMinutes(1)).now();
        campaign.publish(batch(id,
                record(MESSAGE_SENT, "c-1", t).name("Ann").phone("+14155550101").message("m-1"),
                record(REPLY_RECEIVED, "c-1", t.plusSeconds(10))));
        assertThat(only(id).name()).isEqualTo("Ann");
        campaign.publish(batch(id, record(REPLY_RECEIVED, "c-1", t.plusSeconds(20)).name("Ann Lee")));
        assertThat(only(id)).extracting(ContactRow::name, ContactRow::phone).containsExactly("Ann Lee", "+14155550101");
        campaign.publish(batch(id, record(LINK_CLICKED, "c-1", t.plusSeconds(30)).phone("+16505550101")));
        assertThat(only(id)).isEqualTo(new ContactRow("c-1", "Ann Lee", "+16505550101", PENDING, null, false,
                t.plusSeconds(30)));
    }
}
