package org.campaignengine.projections.contacts;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.projections.contacts.Delivery.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.campaignengine.domain.campaign.CampaignEvent.Created;
import org.campaignengine.domain.campaign.CampaignEvent.LaunchRequested;
import org.campaignengine.domain.campaign.CampaignEvent.Launched;
import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.Channel;
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
 * What the contacts tests share: the model on a database of its own per class (each subclass pair runs
 * once per database), campaigns launched through their real lifecycle events, and the model's queries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContactsDatabaseTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00.123Z");
    static final CampaignSettings SETTINGS = CampaignSettings.builder().name("Spring canvass").office("Boston").build();
    static final PhoneNumber NUMBER = new PhoneNumber("+14155550100", "415", PhoneNumberMode.SINGLE_USE);

    ProjectionDatabase database;
    final FakeKeys keys = new FakeKeys();
    ProjectionHarness<ContactsProjection> contacts;

    abstract ProjectionDatabase openDatabase();

    @BeforeAll
    void open() {
        database = openDatabase();
        contacts = new ProjectionHarness<>(new ContactsProjection(database.jdbc(), keys));
    }

    @AfterAll
    void close() throws Exception {
        if (database != null) {
            database.close();
        }
    }


    Timeline launched(String id) {
        Timeline campaign = contacts.campaign(id, T0);
        campaign.publish(new Created(id, Channel.SMS, SETTINGS, null));
        campaign.after(ofMinutes(1)).publish(new LaunchRequested(id, id + "#1", Channel.SMS, SETTINGS, null));
        campaign.after(ofSeconds(5)).publish(new Launched(id, id + "#1", List.of(NUMBER), null));
        return campaign;
    }

    ContactPage page(String id, Delivery delivery, int page, int size) {
        return contacts.ask(new ListContacts(id, delivery, page, size), ResponseTypes.instanceOf(ContactPage.class));
    }

    ContactRow only(String id) {
        List<ContactRow> items = page(id, null, 0, 10).items();
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    /** The handler's Optional reaches the caller unwrapped (the query bus would wrap it again), so it is wrapped here. */
    Optional<CampaignScope> scope(String id) {
        return Optional.ofNullable(contacts.ask(new FindContactsCampaign(id), ResponseTypes.instanceOf(CampaignScope.class)));
    }

    /** The unfiltered total under "all", then each delivery's. */
    Map<Object, Long> totals(String id) {
        return Map.of("all", page(id, null, 0, 1).total(), PENDING, page(id, PENDING, 0, 1).total(),
                RETRYING, page(id, RETRYING, 0, 1).total(), DELIVERED, page(id, DELIVERED, 0, 1).total(),
                UNDELIVERED, page(id, UNDELIVERED, 0, 1).total());
    }


    static String newId() {
        return UUID.randomUUID().toString();
    }
}
