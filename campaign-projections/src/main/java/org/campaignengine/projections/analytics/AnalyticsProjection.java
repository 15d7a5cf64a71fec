package org.campaignengine.projections.analytics;

import java.time.Instant;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.campaignengine.domain.campaign.CampaignEvent;
import org.campaignengine.domain.campaign.CampaignEvent.ActivityRecorded;
import org.campaignengine.domain.campaign.CampaignEvent.Archived;
import org.campaignengine.domain.campaign.CampaignEvent.Completed;
import org.campaignengine.domain.campaign.CampaignEvent.Created;
import org.campaignengine.domain.campaign.CampaignEvent.Deleted;
import org.campaignengine.domain.campaign.CampaignEvent.Errored;
import org.campaignengine.domain.campaign.CampaignEvent.Launched;
import org.campaignengine.domain.campaign.CampaignEvent.Restarted;
import org.campaignengine.domain.campaign.CampaignEvent.SettingsUpdated;
import org.campaignengine.domain.campaign.CampaignEvent.Stopped;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Per-campaign analytics (the lifecycle rules' read models): send status, engagement, responses and the exact median
 * agent response time, cost, click-through, recipients, voice, and contact message activity over time.
 * Every figure is moved as activity arrives; queries never count raw records. Its own processing
 * group ({@code analytics}), so it can be replayed alone: the reset handler empties its tables.
 *
 * <p>Lifecycle events give the office, the contact list's size and the active range, and stamp the
 * row with their sequence number, so a read can wait for a version ({@code minVersion}). Activity is
 * published outside the campaign's stream and has no sequence number; its batches arrive in order per
 * campaign and each is applied once, in the processor's transaction.
 */
@ProcessingGroup(AnalyticsProjection.PROCESSING_GROUP)
public class AnalyticsProjection {

    public static final String PROCESSING_GROUP = "analytics";

    private final AnalyticsStore store;
    private final AnalyticsCampaigns campaigns;

    public AnalyticsProjection(JdbcTemplate jdbc) {
        this.store = new AnalyticsStore(jdbc);
        this.campaigns = store.campaigns();
    }

    @EventHandler
    void on(Created e, @SequenceNumber long seq) {
        campaigns.create(e.campaignId(), e.channel(), e.settings(), seq);
    }

    @EventHandler
    void on(SettingsUpdated e, @SequenceNumber long seq) {
        campaigns.settings(e.campaignId(), e.settings(), seq);
    }

    @EventHandler
    void on(Launched e, @SequenceNumber long seq, @Timestamp Instant at) {
        campaigns.launched(e.campaignId(), at, seq);
    }

    @EventHandler
    void on(Stopped e, @SequenceNumber long seq, @Timestamp Instant at) {
        campaigns.ended(e.campaignId(), at, seq);
    }

    @EventHandler
    void on(Completed e, @SequenceNumber long seq, @Timestamp Instant at) {
        campaigns.ended(e.campaignId(), at, seq);
    }

    @EventHandler
    void on(Errored e, @SequenceNumber long seq, @Timestamp Instant at) {
        campaigns.ended(e.campaignId(), at, seq);
    }

    @EventHandler
    void on(Archived e, @SequenceNumber long seq, @Timestamp Instant at) {
        campaigns.ended(e.campaignId(), at, seq);
    }

    @EventHandler
    void on(Restarted e, @SequenceNumber long seq) {
        campaigns.reopened(e.campaignId(), seq);
    }

    @EventHandler
    void on(Deleted e, @SequenceNumber long seq) {
        campaigns.deleted(e.campaignId(), seq);
    }

    /** Every other lifecycle event only moves the version a read may wait for. */
    @EventHandler
    void on(CampaignEvent e, @SequenceNumber long seq) {
        campaigns.version(e.campaignId(), seq);
    }

    /**
     * Activity as the engine publishes it, a plain event; streams written before that hold it as the
     * campaign's own event, whose sequence number the version follows.
     */
    @EventHandler
    void on(ActivityRecorded e, EventMessage<?> message, @Timestamp Instant at) {
        store.record(e.campaignId(), e.records(), at);
        if (message instanceof DomainEventMessage<?> own) {
            campaigns.version(e.campaignId(), own.getSequenceNumber());
        }
    }

    @QueryHandler
    Optional<CampaignAnalytics> handle(FindAnalytics query) {
        return store.analytics(query.campaignId());
    }

    @QueryHandler
    Optional<CampaignActivity> handle(FindActivity query) {
        return store.activity(query);
    }

    @ResetHandler
    void reset() {
        store.deleteAll();
    }
}
