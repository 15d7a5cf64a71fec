package org.campaignengine.api.readmodels.live;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.campaignengine.domain.campaign.Stage;
import org.campaignengine.projections.analytics.AnalyticsProjection;
import org.campaignengine.projections.analytics.CampaignAnalytics;
import org.campaignengine.projections.analytics.FindAnalytics;
import org.campaignengine.projections.statusindex.CampaignIndexProjection;
import org.campaignengine.projections.statusindex.CampaignRow;
import org.campaignengine.projections.statusindex.FindCampaign;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a change left of a campaign, as streams show it: the status index's row or the analytics'
 * figures, none for a deleted campaign. Other read models' changes are not streamed. A read that fails is
 * logged and that change is not streamed; the campaign's next change brings its streams up to date.
 */
final class ChangeReader {

    private static final Logger log = LoggerFactory.getLogger(ChangeReader.class);

    private final QueryGateway queries;
    private final AtomicLong reads = new AtomicLong();

    ChangeReader(QueryGateway queries) {
        this.queries = queries;
    }

    static boolean streamed(String readModel) {
        return readModel.equals(CampaignIndexProjection.READ_MODEL)
                || readModel.equals(AnalyticsProjection.PROCESSING_GROUP);
    }

    Optional<LiveUpdate> read(CampaignChanged change) {
        reads.incrementAndGet();
        try {
            if (change.readModel().equals(CampaignIndexProjection.READ_MODEL)) {
                return queries.query(new FindCampaign(change.campaignId()),
                                ResponseTypes.optionalInstanceOf(CampaignRow.class)).join()
                        .filter(row -> Stage.of(row.status()).shown())
                        .map(LiveUpdate.IndexRowChanged::new);
            }
            return queries.query(new FindAnalytics(change.campaignId()),
                            ResponseTypes.optionalInstanceOf(CampaignAnalytics.class)).join()
                    .filter(figures -> !figures.deleted())
                    .map(LiveUpdate.FiguresChanged::new);
        } catch (RuntimeException unreadable) {
            log.warn("Live streams miss a change of {} to campaign {}: {}", change.readModel(), change.campaignId(),
                    unreadable.toString());
            return Optional.empty();
        }
    }

    long reads() {
        return reads.get();
    }
}
