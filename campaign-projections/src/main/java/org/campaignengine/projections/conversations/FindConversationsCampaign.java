package org.campaignengine.projections.conversations;

/** Asks the conversations model what it knows of the campaign (an {@code Optional<CampaignScope>}). */
public record FindConversationsCampaign(String campaignId) {
}
