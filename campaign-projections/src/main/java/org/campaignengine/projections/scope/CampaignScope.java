package org.campaignengine.projections.scope;

/**
 * What a per-campaign read model knows of the campaign itself, so the HTTP side can answer 404 (unknown,
 * deleted, another office's) and wait for {@code minVersion} from that model alone: a model being replayed
 * or behind another one never answers from someone else's state. {@code version} is the sequence number
 * of the campaign's last lifecycle event the model applied (-1 before any), {@code activityVersion} how many
 * of the campaign's activity records it applied (the intake's {@code activityVersion}, a read may wait for).
 */
public record CampaignScope(String campaignId, String office, boolean deleted, long version, long activityVersion) {
}
