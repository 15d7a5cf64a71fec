package org.campaignengine.projections.contacts;

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
import org.campaignengine.domain.privacy.PersonalData;
import org.campaignengine.projections.scope.CampaignScope;
import org.campaignengine.projections.scope.CampaignScopes;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A campaign's contacts (the lifecycle rules' read models): every contact an activity record named, with the delivery
 * of its latest message and whether it opted out. Its own processing group, so it can be replayed alone.
 * Receipts count in every status the lifecycle accepts them in, archived included: this model never
 * second-guesses what the write side accepted.
 */
@ProcessingGroup("contacts")
public class ContactsProjection {

    /** The API's own limit on a contact id; an older stored record beyond it is left out rather than cut. */
    static final int CONTACT_ID_WIDTH = 100;

    private final CampaignScopes scopes;
    private final ContactTable contacts;

    /** {@code personal} opens the sealed names and phones a page shows. */
    public ContactsProjection(JdbcTemplate jdbc, PersonalData personal) {
        this.scopes = new CampaignScopes(jdbc, ContactTable.CAMPAIGNS);
        this.contacts = new ContactTable(jdbc, personal);
    }

    /** A forgotten contact keeps its delivery and counts; its name and phone read as erased. */
    @EventHandler
    void on(ContactForgotten e) {
        contacts.erase(e.contactId());
    }

    @EventHandler
    void on(Created e, @SequenceNumber long seq) {
        scopes.created(e.campaignId(), e.settings().office(), seq);
    }

    @EventHandler
    void on(SettingsUpdated e, @SequenceNumber long seq) {
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
        Set<String> named = new LinkedHashSet<>();
        e.records().stream().filter(ContactsProjection::namesAContact).forEach(r -> named.add(r.contactId().value()));
        Map<String, Contact> before = contacts.load(e.campaignId(), named);
        Map<String, Contact> after = new HashMap<>(before);
        for (ActivityRecord record : e.records()) {
            if (namesAContact(record)) {
                String id = record.contactId().value();
                after.put(id, after.getOrDefault(id, Contact.named(id)).apply(record, at));
            }
        }
        contacts.save(e.campaignId(), before, after);
        scopes.applied(e.campaignId(), e.records().size());
        if (message instanceof DomainEventMessage<?> own) {
            scopes.reached(e.campaignId(), own.getSequenceNumber());
        }
    }

    @QueryHandler
    Optional<CampaignScope> handle(FindContactsCampaign query) {
        return scopes.find(query.campaignId());
    }

    @QueryHandler
    ContactPage handle(ListContacts query) {
        return contacts.page(query);
    }

    @ResetHandler
    void reset() {
        contacts.deleteAll();
        scopes.deleteAll();
    }

    private static boolean namesAContact(ActivityRecord record) {
        return record.contactId() != null && record.contactId().value().length() <= CONTACT_ID_WIDTH;
    }
}
