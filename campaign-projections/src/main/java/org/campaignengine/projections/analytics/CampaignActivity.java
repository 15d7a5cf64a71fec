package org.campaignengine.projections.analytics;

/** The answer to {@link FindActivity}: the campaign as {@link CampaignAnalytics} names it, and its series. */
public record CampaignActivity(String campaignId, String office, boolean deleted, long version, long activityVersion,
                               ActivityAnswer answer) {
}
