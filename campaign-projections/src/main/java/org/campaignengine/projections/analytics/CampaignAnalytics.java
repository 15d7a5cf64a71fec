package org.campaignengine.projections.analytics;

/**
 * The answer to {@link FindAnalytics}. The office and the deleted flag let the caller's scope be
 * applied; {@code version} is the campaign's last lifecycle event this read model has applied, and
 * {@code activityVersion} how many of its activity records (the intake's {@code activityVersion}).
 */
public record CampaignAnalytics(String campaignId, String office, boolean deleted, long version, long activityVersion,
                                Analytics analytics) {
}
