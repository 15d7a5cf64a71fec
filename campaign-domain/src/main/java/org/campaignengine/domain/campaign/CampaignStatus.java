package org.campaignengine.domain.campaign;

/**
 * The canonical statuses of the lifecycle rules' statuses; each product's own word is a read-side concern.
 * What a status allows, and the groups it belongs to, are the transition table's answers ({@link Transition}).
 */
public enum CampaignStatus {
    DRAFT,
    SCHEDULED,
    LAUNCHING,
    REJECTED,
    ACTIVE,
    PAUSED,
    SUSPENDED,
    STOPPED,
    ERRORED,
    COMPLETED,
    ARCHIVED,
    DELETED
}
