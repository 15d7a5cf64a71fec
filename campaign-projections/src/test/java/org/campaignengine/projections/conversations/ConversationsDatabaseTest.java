package org.campaignengine.projections.conversations;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.campaignengine.domain.campaign.CampaignEvent.*;
import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.domain.campaign.OperatedBy;
import org.campaignengine.domain.campaign.PhoneNumber;
import org.campaignengine.domain.campaign.PhoneNumberMode;
import org.campaignengine.projections.FakeKeys;
import org.campaignengine.projections.ProjectionDatabase;
import org.campaignengine.projections.ProjectionHarness;
import org.campaignengine.projections.ProjectionHarness.Timeline;
import org.campaignengine.projections.scope.CampaignScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What the conversations tests share: the model on a database of its own per class, campaigns launched
 * through their real lifecycle events, and the model's two queries. Each subclass pair runs per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConversationsDatabaseTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00.123Z");
    static final CampaignSettings SETTINGS = CampaignSettings.builder().name("Spring canvass").office("Boston").build();
    static final PhoneNumber NUMBER = new PhoneNumber("+14155550100", "415", PhoneNumberMode.SINGLE_USE);

    ProjectionDatabase database;
    final FakeKeys keys = new FakeKeys();
    ProjectionHarness<ConversationsProjection> conversations;

    abstract ProjectionDatabase openDatabase();

    @BeforeAll
    void open() {
        database = openDatabase();
        conversations = new ProjectionHarness<>(new ConversationsProjection(database.jdbc(), keys));
    }

    @AfterAll
    void close() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    /** A campaign created with these settings and launched; every event it published is added to {@code log}. */
    Timeline launched(String id, CampaignSettings settings, List<EventMessage<?>> log) {
        Timeline campaign = conversations.campaign(id, T0);
        log.add(campaign.publish(new Created(id, Channel.SMS, settings, null)));
        log.add(campaign.after(ofMinutes(1)).publish(new LaunchRequested(id, id + "#1", Channel.SMS, settings, null)));
        log.add(campaign.after(ofSeconds(5)).publish(new Launched(id, id + "#1", List.of(NUMBER), null)));
        return campaign;
    }

    Timeline launched(String id) {
        return launched(id, SETTINGS, new ArrayList<>());
    }

    static CampaignSettings operatedBy(OperatedBy operator) {
        return SETTINGS.toBuilder().operatedBy(operator).build();
    }

    ConversationPage page(String id, Section section, String q, String tag, int page, int size) {
        return conversations.ask(new ListConversations(id, section, q, tag, page, size),
                ResponseTypes.instanceOf(ConversationPage.class));
    }

    List<ConversationRow> items(String id, Section section) {
        return page(id, section, null, null, 0, 100).items();
    }

    List<String> contacts(String id, Section section, String q, String tag) {
        return page(id, section, q, tag, 0, 100).items().stream().map(ConversationRow::contactId).toList();
    }

    ConversationRow conversation(String id, String contactId) {
        return items(id, null).stream().filter(c -> c.contactId().equals(contactId)).findFirst().orElseThrow();
    }

    /** The totals of all conversations and of each section, as the pages give them. */
    Map<String, Long> totals(String id) {
        return Map.of("all", page(id, null, null, null, 0, 1).total(),
                "needs-attention", page(id, Section.NEEDS_ATTENTION, null, null, 0, 1).total(),
                "agent", page(id, Section.AGENT, null, null, 0, 1).total(),
                "virtual-assistant", page(id, Section.VIRTUAL_ASSISTANT, null, null, 0, 1).total());
    }

    static Map<String, Long> totals(long needsAttention, long agent, long virtualAssistant) {
        return Map.of("all", needsAttention + agent + virtualAssistant, "needs-attention", needsAttention,
                "agent", agent, "virtual-assistant", virtualAssistant);
    }

    /** The handler's Optional reaches the caller unwrapped (the query bus would wrap it again), so it is wrapped here. */
    Optional<CampaignScope> scope(String id) {
        return Optional.ofNullable(conversations.ask(new FindConversationsCampaign(id),
                ResponseTypes.instanceOf(CampaignScope.class)));
    }

    /** Activity as engines before activity left the campaign's stream stored it: the campaign's own event. */
    void legacyActivity(String id, long sequence, Instant at, ActivityRecorded activity) {
        conversations.redeliver(new GenericDomainEventMessage<>(ProjectionHarness.AGGREGATE_TYPE, id, sequence,
                activity, MetaData.emptyInstance(), UUID.randomUUID().toString(), at));
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }
}
