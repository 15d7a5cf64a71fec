package org.campaignengine.projections.analytics;

/** Asks for one campaign's analytics; answered with an optional {@link CampaignAnalytics}. */
public record FindAnalytics(String campaignId) {
}
