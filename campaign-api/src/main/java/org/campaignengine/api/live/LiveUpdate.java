package org.campaignengine.api.live;

import org.campaignengine.projections.analytics.CampaignAnalytics;
import org.campaignengine.projections.statusindex.CampaignRow;

/** What a live stream is sent: a campaign's index row or its figures, read once for every stream. */
public sealed interface LiveUpdate {

    /** The campaign's office, which decides the streams that may see the update. */
    String office();

    record IndexRowChanged(CampaignRow row) implements LiveUpdate {
        @Override
        public String office() {
            return row.settings().office();
        }
    }

    record FiguresChanged(CampaignAnalytics figures) implements LiveUpdate {
        @Override
        public String office() {
            return figures.office();
        }
    }
}
