package org.campaignengine.projections.statusindex;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.domain.campaign.ActivityType.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.campaignengine.domain.campaign.ActivityRecord;
import org.campaignengine.domain.campaign.ActivityType;
import org.campaignengine.domain.campaign.CampaignEvent.*;
import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.domain.campaign.ContactId;
import org.campaignengine.domain.campaign.ContactList;
import org.campaignengine.domain.campaign.PhoneNumber;
import org.campaignengine.domain.campaign.PhoneNumberMode;
import org.campaignengine.projections.ProjectionHarness;
import org.junit.jupiter.api.Test;

/** The index's figures, counted as activity arrives; run once per database by each subclass. */
abstract class IndexFiguresContract extends StatusIndexTest {

    static final Instant T0 = Instant.parse("2026-04-01T10:00:00Z");
    static final PhoneNumber NUMBER = new PhoneNumber("+14155550101", "415", PhoneNumberMode.SINGLE_USE);

    private int records;

    @Test
    void recipients_are_distinct_contacts_messaged_out_of_the_contact_list() {
        String id = UUID.randomUUID().toString();
        var campaign = launched(id, Channel.SMS, 5);
        assertThat(row(id).figures().contactsTotal()).isEqualTo(5);

        campaign.publish(activity(id, sent("c1"), sent("c2"), sent("c1"), record(MESSAGE_SENT, null, null, null),
                delivered("c1"), record(CALL_PLACED, "c3", null, null)));
        assertThat(row(id).figures().contactsMessaged()).isEqualTo(2);

        campaign.after(ofMinutes(5)).publish(activity(id, sent("c2"), sent("c3"), sent("x".repeat(150)),
                sent("x".repeat(149) + "y")));
        Figures figures = row(id).figures();
        assertThat(figures.contactsMessaged()).as("ids over 100 characters still count apart").isEqualTo(5);
        assertThat(figures.contactsTotal()).isEqualTo(5);
        assertThat(figures.dialsRemaining(Channel.SMS)).as("no one dials for SMS").isNull();
    }

    @Test
    void click_through_rate_is_clicks_per_delivered_message_and_zero_before_any_delivery() {
        String id = UUID.randomUUID().toString();
        var campaign = launched(id, Channel.SMS, 10);

        campaign.publish(activity(id, record(LINK_CLICKED, "c1", null, null)));
        assertThat(row(id).figures().clickThroughRate()).isZero();
        assertThat(storedRate(id)).isZero();

        campaign.publish(activity(id, delivered("c1"), delivered("c2"), delivered("c3"), delivered("c4"),
                record(MESSAGE_UNDELIVERED, "c5", null, null), record(MESSAGE_RETRYING, "c6", null, null)));
        assertThat(row(id).figures().clickThroughRate()).isEqualTo(0.25);

        campaign.publish(activity(id, record(LINK_CLICKED, "c2", null, null), record(LINK_CLICKED, "c2", null, null)));
        Figures figures = row(id).figures();
        assertThat(figures.linksClicked()).isEqualTo(3);
        assertThat(figures.messagesDelivered()).isEqualTo(4);
        assertThat(figures.clickThroughRate()).isEqualTo(0.75);
        assertThat(storedRate(id)).as("the sorted column holds the same rate").isEqualTo(0.75);
    }

    @Test
    void cost_is_the_sum_of_cost_records_and_saturates_instead_of_overflowing() {
        String id = UUID.randomUUID().toString();
        var campaign = launched(id, Channel.SMS, 1);

        campaign.publish(activity(id, cost(1_500L), cost(2_500L), cost(null), sent("c1")));
        campaign.publish(activity(id, cost(1_000L)));
        assertThat(row(id).figures().costMicros()).isEqualTo(5_000);

        campaign.publish(activity(id, cost(Long.MAX_VALUE), cost(Long.MAX_VALUE)));
        assertThat(row(id).figures().costMicros()).isEqualTo(Long.MAX_VALUE);

        campaign.publish(activity(id, cost(Long.MAX_VALUE)));
        assertThat(row(id).figures().costMicros()).as("across batches too").isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void callers_logged_in_follow_each_callers_latest_login_or_logout_by_its_own_time() {
        String id = UUID.randomUUID().toString();
        var campaign = launched(id, Channel.VOICE, 10);
        Instant t = campaign.now();

        campaign.publish(activity(id, login("ann", t), login("bob", t), login("ann", t.plusSeconds(1))));
        assertThat(row(id).figures().callersLoggedIn()).isEqualTo(2);

        campaign.publish(activity(id, logout("ann", t.plusSeconds(60))));
        assertThat(row(id).figures().callersLoggedIn()).isEqualTo(1);

        campaign.publish(activity(id, login("ann", t.plusSeconds(30))));
        assertThat(row(id).figures().callersLoggedIn()).as("a login older than the logout seen").isEqualTo(1);

        campaign.publish(activity(id, logout("bob", t.plusSeconds(90)), login("bob", t.plusSeconds(90)),
                logout("cat", t.plusSeconds(90))));
        assertThat(row(id).figures().callersLoggedIn()).as("same instant: the later report wins").isEqualTo(1);

        campaign.publish(activity(id, logout("bob", t.plusSeconds(120)), logout("dan", t.plusSeconds(120))));
        assertThat(row(id).figures().callersLoggedIn()).isZero();
    }

    @Test
    void dials_remaining_are_contacts_not_yet_dialed_never_below_zero_and_follow_the_contact_list() {
        String id = UUID.randomUUID().toString();
        var campaign = launched(id, Channel.VOICE, 3);
        assertThat(row(id).figures().dialsRemaining(Channel.VOICE)).isEqualTo(3);

        campaign.publish(activity(id, dialed("c1"), dialed("c1"), dialed("c2"), sent("c3")));
        assertThat(row(id).figures().dialsRemaining(Channel.VOICE)).isEqualTo(1);
        assertThat(storedDials(id)).isEqualTo(1);

        campaign.publish(activity(id, dialed("c3"), dialed("c4")));
        assertThat(row(id).figures().contactsDialed()).isEqualTo(4);
        assertThat(storedDials(id)).isZero();

        CampaignSettings bigger = settings(Channel.VOICE, 10);
        campaign.publish(new SettingsUpdated(id, bigger, List.of("contactList"), null, false));
        assertThat(row(id).figures().contactsTotal()).isEqualTo(10);
        assertThat(storedDials(id)).isEqualTo(6);
    }

    @Test
    void activity_in_the_campaigns_own_stream_counts_once_however_often_it_is_delivered() {
        String id = UUID.randomUUID().toString();
        launched(id, Channel.SMS, 5);
        var legacy = new GenericDomainEventMessage<>(ProjectionHarness.AGGREGATE_TYPE, id, 3,
                activity(id, sent("c1"), cost(700L)), Map.of(), UUID.randomUUID().toString(), T0.plusSeconds(3_600));

        index.redeliver(legacy);
        index.redeliver(legacy);

        assertThat(row(id).figures().contactsMessaged()).isEqualTo(1);
        assertThat(row(id).figures().costMicros()).isEqualTo(700);
        assertThat(row(id).version()).isEqualTo(3);
    }

    @Test
    void activity_of_a_campaign_the_index_does_not_hold_changes_nothing() {
        String id = UUID.randomUUID().toString();
        index.campaign(id, T0).publish(activity(id, sent("c1"), login("ann", T0)));
        assertThat(count("campaign_index")).isZero();
        assertThat(count("campaign_index_contact")).isZero();
        assertThat(count("campaign_index_caller")).isZero();
    }

    private ProjectionHarness<CampaignIndexProjection>.Timeline launched(String id, Channel channel, int contacts) {
        var campaign = index.campaign(id, T0);
        CampaignSettings settings = settings(channel, contacts);
        campaign.publish(new Created(id, channel, settings, null));
        campaign.after(ofMinutes(1)).publish(new LaunchRequested(id, "launch-1", channel, settings, null));
        campaign.after(ofMinutes(1)).publish(new Launched(id, "launch-1", List.of(NUMBER), null));
        return campaign.after(ofMinutes(1));
    }

    private static CampaignSettings settings(Channel channel, int contacts) {
        return CampaignSettings.builder().name(channel + " figures").office("Boston")
                .contactList(new ContactList("list-1", "Members", contacts)).build();
    }

    private static ActivityRecorded activity(String id, ActivityRecord... records) {
        return new ActivityRecorded(id, new ArrayList<>(List.of(records)));
    }

    private ActivityRecord record(ActivityType type, String contact, Long cost, String caller) {
        return record(type, contact, cost, caller, T0.plusSeconds(600));
    }

    private ActivityRecord record(ActivityType type, String contact, Long cost, String caller, Instant at) {
        return new ActivityRecord("r-" + ++records, type, at, contact == null ? null : ContactId.of(contact), null,
                null, null, null, cost, caller, null, null);
    }

    private ActivityRecord sent(String contact) {
        return record(MESSAGE_SENT, contact, null, null);
    }

    private ActivityRecord delivered(String contact) {
        return record(MESSAGE_DELIVERED, contact, null, null);
    }

    private ActivityRecord dialed(String contact) {
        return record(CALL_PLACED, contact, null, null);
    }

    private ActivityRecord cost(Long micros) {
        return record(COST_INCURRED, "c1", micros, null);
    }

    private ActivityRecord login(String caller, Instant at) {
        return record(CALLER_LOGGED_IN, null, null, caller, at);
    }

    private ActivityRecord logout(String caller, Instant at) {
        return record(CALLER_LOGGED_OUT, null, null, caller, at);
    }

    private double storedRate(String id) {
        return database.jdbc().queryForObject("SELECT click_through_rate FROM campaign_index WHERE id = ?",
                Double.class, id);
    }

    private Long storedDials(String id) {
        return database.jdbc().queryForObject("SELECT dials_remaining FROM campaign_index WHERE id = ?", Long.class,
                id);
    }
}
