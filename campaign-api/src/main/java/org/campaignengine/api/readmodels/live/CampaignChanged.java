package org.campaignengine.api.readmodels.live;

/** A read model ({@code readModel}, its processing group) committed a change to a campaign. */
public record CampaignChanged(String readModel, String campaignId) {
}
