package org.campaignengine.projections.conversations;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.campaignengine.domain.audit.AuditRecord.ContactForgotten;
import org.campaignengine.domain.campaign.ActivityRecord;
import org.campaignengine.domain.campaign.CampaignEvent;
import org.campaignengine.domain.campaign.CampaignEvent.ActivityRecorded;
import org.campaignengine.domain.campaign.CampaignEvent.Created;
import org.campaignengine.domain.campaign.CampaignEvent.Deleted;
import org.campaignengine.domain.campaign.CampaignEvent.SettingsUpdated;
import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.OperatedBy;
import org.campaignengine.domain.campaign.SettingField;
import org.campaignengine.domain.privacy.PersonalData;
import org.campaignengine.projections.scope.CampaignScope;
import org.campaignengine.projections.scope.CampaignScopes;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A campaign's conversations (the lifecycle rules' read models), grouped as needs attention, agent-operated and virtual
 * assistant-operated ({@link Section}), searchable by name or phone and filterable by conversation tag.
 * Its own processing group, so it can be replayed alone.
 */
@ProcessingGroup("conversations")
public class ConversationsProjection {

    /** The API's own limit on a contact id; an older stored record beyond it is left out rather than cut. */
    static final int CONTACT_ID_WIDTH = 100;

    private final CampaignScopes scopes;
    private final ConversationCampaigns campaigns;
    private final ConversationTable conversations;
    private final ConversationSearch search;

    /** {@code personal} opens the sealed names and phones a page shows or a search matches. */
    public ConversationsProjection(JdbcTemplate jdbc, PersonalData personal) {
        this.scopes = new CampaignScopes(jdbc, ConversationCampaigns.TABLE);
        this.campaigns = new ConversationCampaigns(jdbc);
        this.conversations = new ConversationTable(jdbc);
        this.search = new ConversationSearch(jdbc, conversations, campaigns, personal);
    }

    /** A forgotten contact keeps its conversation, section and tags; its name and phone read as erased. */
    @EventHandler
    void on(ContactForgotten e) {
        conversations.erase(e.contactId());
    }

    @EventHandler
    void on(Created e, @SequenceNumber long seq) {
        scopes.created(e.campaignId(), e.settings().office(), seq);
        // a campaign's row starts with AGENT, the column's default, even one that activity ahead of it made: only
        // a campaign created with another operator has conversations to move
        OperatedBy operator = operator(e.settings());
        if (operator != OperatedBy.AGENT) {
            scopes.written(e.campaignId());
            campaigns.operatorChanged(e.campaignId(), operator);
        }
    }

    /** An edit that names the operator among the fields it changed moves the conversations that follow it. */
    @EventHandler
    void on(SettingsUpdated e, @SequenceNumber long seq) {
        if (e.changed() == null || e.changed().contains(SettingField.OPERATED_BY.apiName())) {
            scopes.written(e.campaignId());
            campaigns.operatorChanged(e.campaignId(), operator(e.settings()));
        }
        scopes.office(e.campaignId(), e.settings().office(), seq);
    }

    @EventHandler
    void on(Deleted e, @SequenceNumber long seq) {
        scopes.deleted(e.campaignId(), seq);
    }

    /** Every other lifecycle event only moves the version that {@code minVersion} waits for. */
    @EventHandler
    void on(CampaignEvent e, @SequenceNumber long seq) {
        scopes.reached(e.campaignId(), seq);
    }

    /**
     * Activity is published outside the campaign's stream; only stores written before that hold it as the
     * campaign's own event, whose sequence number then counts as a version reached. Every record of the
     * batch counts towards the activity version, a record naming no contact (or one too long) included.
     */
    @EventHandler
    void on(ActivityRecorded e, EventMessage<?> message, @Timestamp Instant at) {
        scopes.ensure(e.campaignId());
        OperatedBy operator = campaigns.operator(e.campaignId());
        Set<String> named = new LinkedHashSet<>();
        e.records().stream().filter(ConversationsProjection::namesAContact)
                .forEach(r -> named.add(r.contactId().value()));
        Map<String, Conversation> before = conversations.load(e.campaignId(), named);
        Map<String, Conversation> after = new HashMap<>(before);
        for (ActivityRecord record : e.records()) {
            if (namesAContact(record)) {
                String id = record.contactId().value();
                after.put(id, after.getOrDefault(id, Conversation.of(id)).apply(record, at, operator));
            }
        }
        campaigns.add(e.campaignId(), conversations.save(e.campaignId(), before, after));
        scopes.applied(e.campaignId(), e.records().size());
        if (message instanceof DomainEventMessage<?> own) {
            scopes.reached(e.campaignId(), own.getSequenceNumber());
        }
    }

    @QueryHandler
    Optional<CampaignScope> handle(FindConversationsCampaign query) {
        return scopes.find(query.campaignId());
    }

    @QueryHandler
    ConversationPage handle(ListConversations query) {
        return search.page(query);
    }

    @ResetHandler
    void reset() {
        conversations.deleteAll();
        scopes.deleteAll();
    }

    /** A campaign whose settings name no operator has no virtual assistant: its agents answer. */
    private static OperatedBy operator(CampaignSettings settings) {
        return settings.operatedBy() == null ? OperatedBy.AGENT : settings.operatedBy();
    }

    private static boolean namesAContact(ActivityRecord record) {
        return record.contactId() != null && record.contactId().value().length() <= CONTACT_ID_WIDTH;
    }
}
