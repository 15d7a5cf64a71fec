package org.campaignengine.api.audit;

import org.campaignengine.api.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A moment a campaign's history does not reach: before its first event, or a version it never had (404). */
class NotInHistory extends ErrorResponseException {

    NotInHistory(String message) {
        super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "not-in-history", "Not in the campaign's history",
                message), null);
    }
}
