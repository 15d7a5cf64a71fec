package org.campaignengine.api.readmodels.live;

import org.campaignengine.projections.analytics.CampaignAnalytics;
import org.campaignengine.projections.statusindex.CampaignRow;

/**
 * What a live stream is sent: a campaign's index row or its figures, read once for every stream, and now
 * and then a keep-alive.
 */
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

    /**
     * Nothing changed: a stream is sent one every {@code campaign.live.keep-alive} in its turn, so a client
     * that went away without a word is noticed (writing to it fails) and its stream ends instead of holding
     * its request until the next change or the stream's timeout. It concerns no office.
     */
    record KeepAlive() implements LiveUpdate {
        @Override
        public String office() {
            return null;
        }
    }
}
