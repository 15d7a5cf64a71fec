package org.campaignengine.projections.scope;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.domain.campaign.ActivityType.MESSAGE_SENT;
import static org.campaignengine.domain.campaign.ActivityType.REPLY_RECEIVED;
import static org.campaignengine.projections.ActivityRecords.batch;
import static org.campaignengine.projections.ActivityRecords.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.campaignengine.domain.campaign.CampaignEvent.Created;
import org.campaignengine.domain.campaign.CampaignEvent.Deleted;
import org.campaignengine.domain.campaign.CampaignEvent.LaunchRequested;
import org.campaignengine.domain.campaign.CampaignEvent.Launched;
import org.campaignengine.domain.campaign.CampaignEvent.Paused;
import org.campaignengine.domain.campaign.CampaignEvent.Resumed;
import org.campaignengine.domain.campaign.CampaignEvent.SettingsUpdated;
import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.domain.campaign.OperatedBy;
import org.campaignengine.domain.campaign.PhoneNumber;
import org.campaignengine.domain.campaign.PhoneNumberMode;
import org.campaignengine.projections.FakeKeys;
import org.campaignengine.projections.ProjectionDatabase;
import org.campaignengine.projections.ProjectionHarness;
import org.campaignengine.projections.ProjectionHarness.Timeline;
import org.campaignengine.projections.analytics.AnalyticsProjection;
import org.campaignengine.projections.analytics.CampaignAnalytics;
import org.campaignengine.projections.analytics.FindAnalytics;
import org.campaignengine.projections.contacts.ContactsProjection;
import org.campaignengine.projections.contacts.FindContactsCampaign;
import org.campaignengine.projections.conversations.ConversationPage;
import org.campaignengine.projections.conversations.ConversationsProjection;
import org.campaignengine.projections.conversations.FindConversationsCampaign;
import org.campaignengine.projections.conversations.ListConversations;
import org.campaignengine.projections.conversations.Section;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The campaign rows of contacts, conversations and analytics (office, deletion, the version reached, the
 * activity version) are gathered over a processor's batch and written as it commits: a batch leaves them as
 * the same events handled one by one do, whatever else the batch holds, activity and model columns included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScopeBatchContract {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00.123Z");
    static final CampaignSettings BOSTON = CampaignSettings.builder().name("Spring canvass").office("Boston").build();
    static final CampaignSettings CHICAGO = BOSTON.toBuilder().office("Chicago").build();
    static final CampaignSettings ASSISTED = BOSTON.toBuilder().operatedBy(OperatedBy.VIRTUAL_ASSISTANT).build();
    static final PhoneNumber NUMBER = new PhoneNumber("+14155550100", "415", PhoneNumberMode.SINGLE_USE);

    ProjectionDatabase database;
    ProjectionHarness<ContactsProjection> contacts;
    ProjectionHarness<ConversationsProjection> conversations;
    ProjectionHarness<AnalyticsProjection> analytics;

    abstract ProjectionDatabase openDatabase();

    @BeforeAll
    void open() {
        database = openDatabase();
        FakeKeys keys = new FakeKeys();
        contacts = new ProjectionHarness<>(new ContactsProjection(database.jdbc(), keys));
        conversations = new ProjectionHarness<>(new ConversationsProjection(database.jdbc(), keys));
        analytics = new ProjectionHarness<>(new AnalyticsProjection(database.jdbc()));
    }

    @AfterAll
    void close() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void a_batch_of_a_campaigns_lifecycle_and_activity_leaves_its_rows_as_the_events_one_by_one_do() {
        String alone = id();
        String batched = id();
        String other = id();
        handleOneByOne(lifecycle(alone));
        List<EventMessage<?>> mixed = new ArrayList<>();
        List<List<EventMessage<?>>> each = List.of(lifecycle(batched), lifecycle(other));
        for (int i = 0; i < each.get(0).size(); i++) {
            mixed.add(each.get(0).get(i));
            mixed.add(each.get(1).get(i));
        }
        handleInOneBatch(mixed);

        for (String id : List.of(alone, batched, other)) {
            assertThat(contactsScope(id)).hasValue(new CampaignScope(id, "Chicago", false, 5, 2));
            assertThat(conversationsScope(id)).hasValue(new CampaignScope(id, "Chicago", false, 5, 2));
            CampaignAnalytics figures = analytics(id).orElseThrow();
            assertThat(List.of(figures.office(), figures.deleted(), figures.version(), figures.activityVersion()))
                    .containsExactly("Chicago", false, 5L, 2L);
            assertThat(figures.analytics()).isEqualTo(analytics(alone).orElseThrow().analytics());
        }
    }

    @Test
    void a_campaign_created_and_deleted_in_one_batch_is_deleted_as_of_its_last_event() {
        String id = id();
        Timeline campaign = contacts.campaign(id, T0);
        handleInOneBatch(List.of(campaign.message(new Created(id, Channel.SMS, BOSTON, null)),
                campaign.message(new Deleted(id))));

        assertThat(contactsScope(id)).hasValue(new CampaignScope(id, "Boston", true, 1, 0));
        assertThat(conversationsScope(id)).hasValue(new CampaignScope(id, "Boston", true, 1, 0));
        assertThat(analytics(id).orElseThrow().deleted()).isTrue();
        assertThat(analytics(id).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void a_campaign_created_with_a_virtual_assistant_in_the_batch_of_its_first_reply_gives_the_reply_to_the_assistant() {
        String id = id();
        Timeline campaign = conversations.campaign(id, T0);
        handleInOneBatch(List.of(campaign.message(new Created(id, Channel.SMS, ASSISTED, null)),
                campaign.after(ofSeconds(5)).message(batch(id, record(REPLY_RECEIVED, "c-1", campaign.now())))));

        assertThat(sectionTotal(id, Section.VIRTUAL_ASSISTANT)).isEqualTo(1);
        assertThat(sectionTotal(id, Section.NEEDS_ATTENTION)).isZero();
        assertThat(conversationsScope(id)).hasValue(new CampaignScope(id, "Boston", false, 0, 1));
    }

    @Test
    void an_edit_in_the_batch_that_created_the_campaign_moves_its_conversations_to_the_new_operator() {
        String id = id();
        Timeline campaign = conversations.campaign(id, T0);
        handleInOneBatch(List.of(campaign.message(new Created(id, Channel.SMS, BOSTON, null)),
                campaign.message(new SettingsUpdated(id, ASSISTED, List.of("operatedBy"), null, false)),
                campaign.after(ofSeconds(5)).message(batch(id, record(REPLY_RECEIVED, "c-1", campaign.now())))));

        assertThat(sectionTotal(id, Section.VIRTUAL_ASSISTANT)).isEqualTo(1);
        assertThat(conversationsScope(id)).hasValue(new CampaignScope(id, "Boston", false, 1, 1));
    }

    /** Created in Boston, moved to Chicago, launched, two activity records, paused and resumed: versions 0 to 5. */
    private List<EventMessage<?>> lifecycle(String id) {
        Timeline campaign = contacts.campaign(id, T0);
        List<EventMessage<?>> events = new ArrayList<>();
        events.add(campaign.message(new Created(id, Channel.SMS, BOSTON, null)));
        events.add(campaign.message(new SettingsUpdated(id, CHICAGO, List.of("office"), null, false)));
        events.add(campaign.after(ofSeconds(60)).message(new LaunchRequested(id, id + "#1", Channel.SMS, CHICAGO, null)));
        events.add(campaign.after(ofSeconds(5)).message(new Launched(id, id + "#1", List.of(NUMBER), null)));
        events.add(campaign.after(ofSeconds(5)).message(batch(id, record(MESSAGE_SENT, "c-1", campaign.now()).message("m-1"),
                record(REPLY_RECEIVED, "c-1", campaign.now().plusSeconds(1)).message("m-2"))));
        events.add(campaign.after(ofSeconds(5)).message(new Paused(id)));
        events.add(campaign.after(ofSeconds(5)).message(new Resumed(id, null)));
        return events;
    }

    private void handleOneByOne(List<EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            handleInOneBatch(List.of(event));
        }
    }

    private void handleInOneBatch(List<EventMessage<?>> events) {
        contacts.batch(events);
        conversations.batch(events);
        analytics.batch(events);
    }

    private Optional<CampaignScope> contactsScope(String id) {
        return Optional.ofNullable(contacts.ask(new FindContactsCampaign(id), ResponseTypes.instanceOf(CampaignScope.class)));
    }

    private Optional<CampaignScope> conversationsScope(String id) {
        return Optional.ofNullable(conversations.ask(new FindConversationsCampaign(id),
                ResponseTypes.instanceOf(CampaignScope.class)));
    }

    private Optional<CampaignAnalytics> analytics(String id) {
        return Optional.ofNullable(analytics.ask(new FindAnalytics(id), ResponseTypes.instanceOf(CampaignAnalytics.class)));
    }

    private long sectionTotal(String id, Section section) {
        return conversations.ask(new ListConversations(id, section, null, null, 0, 10),
                ResponseTypes.instanceOf(ConversationPage.class)).total();
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
