package org.campaignengine.api.deadletters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.campaignengine.projections.analytics.AnalyticsProjection;
import org.campaignengine.projections.audit.AuditTrailProjection;
import org.campaignengine.projections.statusindex.CampaignIndexProjection;

/**
 * The processing groups that set an event they cannot handle aside and go on: the read models, which a
 * retry or a replay can always bring back to what the events say. The others must not skip an event: the
 * audit anchors are evidence, chained in the order events are stored, so an anchor left out would be a
 * hole in that evidence (a failure stops them until it is fixed, as before); the launch process and
 * number release act on the world, and a launch set aside would leave a campaign LAUNCHING for good.
 */
final class ReadModels {

    static final List<String> NAMES = List.of(CampaignIndexProjection.READ_MODEL, AnalyticsProjection.PROCESSING_GROUP,
            "contacts", "conversations", AuditTrailProjection.PROCESSING_GROUP);

    private final Map<String, FailedBatches> failed = new LinkedHashMap<>();

    ReadModels() {
        NAMES.forEach(name -> failed.put(name, new FailedBatches()));
    }

    /** Each read model's failed batches, by processing group. */
    Map<String, FailedBatches> failedBatches() {
        return failed;
    }
}
