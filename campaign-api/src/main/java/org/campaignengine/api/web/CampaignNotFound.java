package org.campaignengine.api.web;

class CampaignNotFound extends RuntimeException {

    CampaignNotFound(String id) {
        super("No campaign " + id, null, false, false);
    }
}
