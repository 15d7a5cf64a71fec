package org.campaignengine.projections.contacts;

/** Asks the contacts model what it knows of the campaign (an {@code Optional<CampaignScope>}). */
public record FindContactsCampaign(String campaignId) {
}
