package org.campaignengine.projections.statusindex;

/** Asks the status index for one campaign's row. */
public record FindCampaign(String campaignId) {
}
