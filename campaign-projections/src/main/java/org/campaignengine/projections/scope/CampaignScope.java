package org.campaignengine.projections.scope;

/**
 * What a per-campaign read model knows of the campaign itself, so the HTTP side can answer 404 (unknown,
 * deleted, another office's) and wait for {@code minVersion} from that model alone: a model being replayed
 * or behind another one never answers from someone else's state. {@code version} is the sequence number
 * of the campaign's last lifecycle event the model applied (-1 before any).
 */
public record CampaignScope(String campaignId, String office, boolean deleted, long version) {
}
