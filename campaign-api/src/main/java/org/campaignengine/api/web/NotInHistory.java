package org.campaignengine.api.web;

/** A moment a campaign's history does not reach: before its first event, or a version it never had (404). */
class NotInHistory extends RuntimeException {

    NotInHistory(String message) {
        super(message, null, false, false);
    }
}
