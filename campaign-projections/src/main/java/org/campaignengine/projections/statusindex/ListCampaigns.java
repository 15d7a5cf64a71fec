package org.campaignengine.projections.statusindex;

import java.util.Set;

import org.campaignengine.domain.campaign.CampaignStatus;
import org.campaignengine.domain.campaign.Channel;

/**
 * A page of the status index. Filters left null do not filter. {@code visibleOffices} is the caller's
 * office scope: null sees every office, a set only campaigns of those offices (an empty set, nothing).
 */
public record ListCampaigns(IndexTab tab, String q, String tag, Channel channel, String office,
                            CampaignStatus status, IndexSort sort, int page, int size,
                            Set<String> visibleOffices) {
}
