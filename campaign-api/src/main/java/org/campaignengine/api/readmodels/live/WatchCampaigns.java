package org.campaignengine.api.readmodels.live;

/** The subscription query of a node's live updates: every change any read model commits to any campaign. */
public record WatchCampaigns() {
}
