package org.campaignengine.projections.statusindex;

import java.util.Optional;

import org.axonframework.queryhandling.QueryHandler;

/** The status index's answers: a campaign's row, a page of a tab, and the tabs' counts. */
public class StatusIndexQueries {

    private final CampaignIndexRepository rows;
    private final CampaignIndexSearch search;

    public StatusIndexQueries(CampaignIndexRepository rows) {
        this.rows = rows;
        this.search = new CampaignIndexSearch(rows.jdbc(), rows.mapper(), new TabCounters(rows.jdbc()));
    }

    @QueryHandler
    Optional<CampaignRow> handle(FindCampaign query) {
        return rows.find(query.campaignId());
    }

    @QueryHandler
    CampaignPage handle(ListCampaigns query) {
        return search.page(query);
    }

    @QueryHandler
    TabCounts handle(CountTabs query) {
        return search.counts(query);
    }
}
