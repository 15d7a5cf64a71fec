package org.campaignengine.projections.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.campaignengine.domain.campaign.ActivityRecord;
import org.campaignengine.domain.campaign.CampaignEvent.ActivityRecorded;
import org.campaignengine.domain.campaign.CampaignEvent.Created;
import org.campaignengine.domain.campaign.CampaignEvent.LaunchRequested;
import org.campaignengine.domain.campaign.CampaignEvent.Launched;
import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.domain.campaign.ContactList;
import org.campaignengine.projections.ProjectionDatabase;
import org.campaignengine.projections.ProjectionHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The analytics read model on a database of its own per test class (each subclass names it), driven
 * through Axon's annotation machinery by {@link ProjectionHarness}; every test starts from a reset.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AnalyticsDatabaseTest {

    static final String OFFICE = "north";

    ProjectionDatabase database;
    ProjectionHarness<AnalyticsProjection> analytics;

    abstract ProjectionDatabase openDatabase();

    @BeforeAll
    void open() {
        database = openDatabase();
        analytics = new ProjectionHarness<>(new AnalyticsProjection(database.jdbc()));
    }

    @AfterAll
    void close() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void startEmpty() {
        analytics.reset();
    }

    static CampaignSettings settings(int contacts) {
        return CampaignSettings.builder().name("Analytics").office(OFFICE)
                .contactList(new ContactList("list-1", "Volunteers", contacts)).build();
    }

    /** Created, then launched at {@code launchedAt}; the timeline stands at the launch. */
    ProjectionHarness<AnalyticsProjection>.Timeline launched(String id, Channel channel, int contacts,
                                                             Instant launchedAt) {
        var campaign = analytics.campaign(id, launchedAt.minusSeconds(120));
        campaign.publish(new Created(id, channel, settings(contacts), null));
        campaign.after(Duration.ofMinutes(1))
                .publish(new LaunchRequested(id, "launch-1", channel, settings(contacts), null));
        campaign.after(Duration.ofMinutes(1)).publish(new Launched(id, "launch-1", List.of(), null));
        return campaign;
    }

    static ActivityRecorded batch(String id, ActivityRecord... records) {
        return new ActivityRecorded(id, Arrays.asList(records));
    }

    /** Axon's query handler adapter unwraps the handler's Optional: the answer, or null for none. */
    CampaignAnalytics find(String id) {
        return analytics.ask(new FindAnalytics(id), ResponseTypes.instanceOf(CampaignAnalytics.class));
    }

    Analytics figures(String id) {
        CampaignAnalytics found = find(id);
        if (found == null) {
            throw new AssertionError("no analytics for " + id);
        }
        return found.analytics();
    }

    CampaignActivity activity(String id, Granularity granularity, Instant now) {
        return analytics.ask(new FindActivity(id, granularity, now), ResponseTypes.instanceOf(CampaignActivity.class));
    }

    long rows(String table) {
        return database.jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
