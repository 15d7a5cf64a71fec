package org.campaignengine.api.campaigns;

import org.campaignengine.api.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A caller limited to some offices named another one for a campaign (create, or move by edit): 403. */
class OfficeNotAllowed extends ErrorResponseException {

    OfficeNotAllowed(String office) {
        super(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "office-not-allowed", "Office not allowed",
                "You may only create or move campaigns within your offices; '" + office + "' is not one of them"), null);
    }
}
