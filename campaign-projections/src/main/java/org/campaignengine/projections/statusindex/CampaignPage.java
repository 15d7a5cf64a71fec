package org.campaignengine.projections.statusindex;

import java.util.List;

public record CampaignPage(List<CampaignRow> items, int page, int size, long total) {
}
