package org.campaignengine.domain.campaign;

/** A command the rules refuse. Each subtype carries what a client needs to correct itself. */
public abstract sealed class CampaignRuleViolation extends RuntimeException
        permits LifecycleViolation, NotReadyForLaunch, InvalidCampaignInput {

    private final String errorCode;

    protected CampaignRuleViolation(String errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
