package org.campaignengine.api.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** No campaign with that id, or one of an office the caller may not see: both answered 404 alike. */
public class CampaignNotFound extends ErrorResponseException {

    public CampaignNotFound(String id) {
        super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "not-found", "No such campaign",
                "No campaign with that id exists"), null);
    }
}
