package org.campaignengine.api.live;

/** The subscription query of a node's live updates: every change any read model commits to any campaign. */
public record WatchCampaigns() {
}
