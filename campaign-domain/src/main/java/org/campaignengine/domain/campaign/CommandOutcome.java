package org.campaignengine.domain.campaign;

/** What every campaign command answers: where the campaign is now, and its last event's sequence number. */
public record CommandOutcome(String campaignId, CampaignStatus status, long version) {
}
