package org.campaignengine.api.live;

/** The subscription query of a live stream: every change any read model commits to any campaign. */
public record WatchCampaigns() {
}
