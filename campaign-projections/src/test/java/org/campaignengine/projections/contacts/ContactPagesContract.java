package org.campaignengine.projections.contacts;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.domain.campaign.ActivityType.*;
import static org.campaignengine.projections.ActivityRecords.batch;
import static org.campaignengine.projections.ActivityRecords.record;
import static org.campaignengine.projections.contacts.Delivery.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.campaignengine.domain.audit.AuditRecord.ContactForgotten;
import org.campaignengine.domain.campaign.CampaignEvent.*;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.domain.privacy.PersonalData;
import org.campaignengine.projections.ActivityRecords.Record;
import org.campaignengine.projections.ProjectionHarness;
import org.campaignengine.projections.ProjectionHarness.Timeline;
import org.campaignengine.projections.scope.CampaignScope;
import org.junit.jupiter.api.Test;

/**
 * Pages and their totals, a replay of the same events, what the model knows of the campaign itself (its
 * version and activity version), activity stored by older engines, and values too long for their columns.
 */
abstract class ContactPagesContract extends ContactsDatabaseTest {


    @Test
    void pages_hold_contacts_in_contact_id_order_and_their_totals_are_the_counters_kept_as_events_arrived() {
        String id = newId();
        Timeline campaign = launched(id);
        Instant t = campaign.after(ofMinutes(1)).now();
        List<Record> sends = new ArrayList<>();
        List<Record> receipts = new ArrayList<>();
        for (int i = 12; i >= 1; i--) {
            String contact = String.format("c-%02d", i);
            sends.add(record(MESSAGE_SENT, contact, t).message("m-" + i));
            if (i <= 7) {
                receipts.add(record(MESSAGE_DELIVERED, contact, t.plusSeconds(5)).message("m-" + i));
            }
        }
        campaign.publish(batch(id, sends.toArray(Record[]::new)));
        campaign.publish(batch(id, receipts.toArray(Record[]::new)));

        ContactPage first = page(id, null, 0, 5);
        assertThat(first.items()).extracting(ContactRow::contactId).containsExactly("c-01", "c-02", "c-03", "c-04", "c-05");
        assertThat(first.total()).isEqualTo(12);
        assertThat(first.page()).isZero();
        assertThat(first.size()).isEqualTo(5);
        assertThat(page(id, null, 2, 5).items()).extracting(ContactRow::contactId).containsExactly("c-11", "c-12");
        assertThat(page(id, null, 3, 5).items()).isEmpty();
        ContactPage delivered = page(id, DELIVERED, 1, 5);
        assertThat(delivered.items()).extracting(ContactRow::contactId).containsExactly("c-06", "c-07");
        assertThat(delivered.total()).isEqualTo(7);
        assertThat(page(id, PENDING, 0, 5).items()).extracting(ContactRow::contactId)
                .containsExactly("c-08", "c-09", "c-10", "c-11", "c-12");
        assertThat(database.jdbc().queryForMap("SELECT contacts, pending, retrying, delivered, undelivered "
                + "FROM contacts_campaign WHERE campaign_id = ?", id).values())
                .as("the counters the totals are read from").containsExactly(12L, 5L, 0L, 7L, 0L);
    }

    @Test
    void a_replay_from_the_same_events_gives_the_same_contacts_and_totals() {
        String id = newId();
        Timeline campaign = contacts.campaign(id, T0);
        List<EventMessage<?>> events = new ArrayList<>();
        events.add(campaign.publish(new Created(id, Channel.SMS, SETTINGS, null)));
        events.add(campaign.after(ofMinutes(1)).publish(new LaunchRequested(id, id + "#1", Channel.SMS, SETTINGS, null)));
        events.add(campaign.after(ofSeconds(5)).publish(new Launched(id, id + "#1", List.of(NUMBER), null)));
        Instant t = campaign.after(ofMinutes(1)).now();
        events.add(campaign.publish(batch(id,
                record(MESSAGE_SENT, "c-1", t).name("Ann").message("m-1"),
                record(MESSAGE_SENT, "c-2", t).name("Bo").message("m-2"),
                record(REPLY_RECEIVED, "c-3", t.plusSeconds(1)).phone("+14155550103"))));
        events.add(campaign.after(ofMinutes(1)).publish(batch(id,
                record(MESSAGE_RETRYING, "c-1", t.plusSeconds(20)).message("m-1"),
                record(MESSAGE_UNDELIVERED, "c-2", t.plusSeconds(30)).message("m-2").reason("blocked"),
                record(OPTED_OUT, "c-3", t.plusSeconds(40)))));
        events.add(campaign.publish(new Paused(id)));
        List<Object> before = snapshot(id);

        contacts.reset();
        assertThat(scope(id)).isEmpty();
        assertThat(page(id, null, 0, 10).items()).isEmpty();
        assertThat(page(id, null, 0, 10).total()).isZero();

        events.forEach(contacts::redeliver);
        assertThat(snapshot(id)).isEqualTo(before);
        assertThat(scope(id)).contains(new CampaignScope(id, "Boston", false, 3, 6));
    }

    @Test
    void the_campaign_is_known_with_its_office_from_creation_follows_edits_and_is_marked_when_deleted() {
        String id = newId();
        assertThat(scope(id)).isEmpty();
        Timeline campaign = contacts.campaign(id, T0);
        campaign.publish(new Created(id, Channel.SMS, SETTINGS, null));
        assertThat(scope(id)).contains(new CampaignScope(id, "Boston", false, 0, 0));
        campaign.after(ofMinutes(1)).publish(new SettingsUpdated(id, SETTINGS.toBuilder().office("Lisbon").build(),
                List.of("office"), null, false));
        assertThat(scope(id)).contains(new CampaignScope(id, "Lisbon", false, 1, 0));
        campaign.after(ofMinutes(1)).publish(new Deleted(id));
        assertThat(scope(id)).contains(new CampaignScope(id, "Lisbon", true, 2, 0));
    }

    @Test
    void activity_stored_as_the_campaigns_own_event_by_older_engines_counts_the_same_and_moves_the_version() {
        String id = newId();
        contacts.campaign(id, T0).publish(new Created(id, Channel.SMS, SETTINGS, null));
        Instant t = T0.plusSeconds(60);
        contacts.redeliver(new GenericDomainEventMessage<>(ProjectionHarness.AGGREGATE_TYPE, id, 1,
                batch(id, record(MESSAGE_SENT, "c-1", t).message("m-1")), MetaData.emptyInstance(),
                UUID.randomUUID().toString(), t));
        assertThat(only(id)).isEqualTo(new ContactRow("c-1", null, null, PENDING, null, false, t));
        assertThat(scope(id)).contains(new CampaignScope(id, "Boston", false, 1, 1));
    }

    @Test
    void free_text_too_long_for_its_column_is_cut_and_an_over_long_stored_contact_id_is_left_out() {
        String id = newId();
        Timeline campaign = launched(id);
        Instant t = campaign.after(ofMinutes(1)).now();
        String longName = "N".repeat(1000);
        campaign.publish(batch(id,
                record(MESSAGE_SENT, "c-1", t).name(longName).phone("9".repeat(100)).message("m".repeat(500)),
                record(MESSAGE_UNDELIVERED, "c-1", t.plusSeconds(1)).reason("r".repeat(5000)),
                record(REPLY_RECEIVED, "x".repeat(150), t)));
        ContactRow row = only(id);
        assertThat(row.name()).isEqualTo("N".repeat(Contact.NAME_WIDTH));
        assertThat(row.phone()).hasSize(Contact.PHONE_WIDTH);
        assertThat(row.failedReason()).hasSize(Contact.REASON_WIDTH);
        assertThat(row.delivery()).isEqualTo(UNDELIVERED);
    }

    @Test
    void every_record_of_a_batch_counts_towards_the_activity_version_those_naming_no_contact_included() {
        String id = newId();
        Timeline campaign = launched(id);
        Instant t = campaign.after(ofMinutes(1)).now();
        assertThat(scope(id)).contains(new CampaignScope(id, "Boston", false, 2, 0));

        campaign.publish(batch(id, record(MESSAGE_SENT, "c-1", t).message("m-1"), record(COST_INCURRED, null, t),
                record(REPLY_RECEIVED, "x".repeat(150), t)));
        assertThat(scope(id)).contains(new CampaignScope(id, "Boston", false, 2, 3));
        campaign.after(ofMinutes(1)).publish(batch(id, record(MESSAGE_DELIVERED, "c-1", t.plusSeconds(5)).message("m-1")));
        assertThat(scope(id)).as("activity moves the activity version, not the version")
                .contains(new CampaignScope(id, "Boston", false, 2, 4));
        assertThat(only(id).delivery()).isEqualTo(DELIVERED);
    }

    @Test
    void activity_ahead_of_the_campaigns_creation_is_counted_on_the_row_it_makes() {
        String id = newId();
        Instant t = T0.plusSeconds(60);
        Timeline campaign = contacts.campaign(id, t);
        campaign.publish(batch(id, record(MESSAGE_SENT, "c-1", t).message("m-1")));
        assertThat(scope(id)).contains(new CampaignScope(id, null, false, -1, 1));

        campaign.after(ofMinutes(1)).publish(new Created(id, Channel.SMS, SETTINGS, null));
        assertThat(scope(id)).as("the creation takes the row over, its count kept")
                .contains(new CampaignScope(id, "Boston", false, 0, 1));
    }


    private List<Object> snapshot(String id) {
        List<Object> all = new ArrayList<>(List.of(page(id, null, 0, 100)));
        for (Delivery delivery : Delivery.values()) {
            all.add(page(id, delivery, 0, 100));
        }
        return all;
    }

    @Test
    void a_forgotten_contact_reads_as_erased_in_every_campaign_and_every_count_stays() {
        String first = newId();
        String second = newId();
        for (String id : List.of(first, second)) {
            Timeline campaign = launched(id);
            Instant t = campaign.after(ofMinutes(1)).now();
            campaign.publish(batch(id,
                    record(MESSAGE_SENT, "c-forget", t).message("m-1").name(keys.seal("c-forget", "Ann Lee"))
                            .phone(keys.seal("c-forget", "+14155550101")),
                    record(MESSAGE_SENT, "c-keep", t).message("m-2").name(keys.seal("c-keep", "Bo Chen")),
                    record(MESSAGE_DELIVERED, "c-forget", t.plusSeconds(5)).message("m-1")));
        }
        assertThat(page(first, null, 0, 10).items().get(0)).extracting(ContactRow::name, ContactRow::phone,
                ContactRow::erased).containsExactly("Ann Lee", "+14155550101", false);
        assertThat(database.jdbc().queryForList("SELECT name FROM campaign_contact WHERE contact_id = 'c-forget'",
                String.class)).allSatisfy(name -> assertThat(name).startsWith("pii:v1:").doesNotContain("Ann"));
        Map<Object, Long> totalsBefore = totals(first);

        keys.forget("c-forget");
        contacts.redeliver(GenericEventMessage.asEventMessage(new ContactForgotten("c-forget")));

        for (String id : List.of(first, second)) {
            ContactRow forgotten = page(id, null, 0, 10).items().get(0);
            assertThat(forgotten.contactId()).isEqualTo("c-forget");
            assertThat(forgotten.name()).isNull();
            assertThat(forgotten.phone()).isNull();
            assertThat(forgotten.erased()).isTrue();
            assertThat(forgotten.delivery()).isEqualTo(DELIVERED);
            assertThat(page(id, null, 0, 10).items().get(1)).extracting(ContactRow::name, ContactRow::erased)
                    .containsExactly("Bo Chen", false);
        }
        assertThat(totals(first)).isEqualTo(totalsBefore);
        assertThat(database.jdbc().queryForList("SELECT name FROM campaign_contact WHERE contact_id = 'c-forget'",
                String.class)).containsOnly(PersonalData.ERASED);
    }
}
