package org.campaignengine.domain.campaign;

/**
 * The campaign belongs to an office the caller does not: answered exactly as an unknown campaign,
 * so a caller cannot learn that it exists.
 */
public final class CampaignOutOfScope extends RuntimeException {

    public CampaignOutOfScope(String campaignId) {
        super("campaign " + campaignId + " is outside the caller's offices", null, false, false);
    }
}
