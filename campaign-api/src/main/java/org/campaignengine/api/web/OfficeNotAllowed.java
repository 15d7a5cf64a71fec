package org.campaignengine.api.web;

/** A caller limited to some offices named another one for a campaign (create, or move by edit): 403. */
class OfficeNotAllowed extends RuntimeException {

    OfficeNotAllowed(String office) {
        super("You may only create or move campaigns within your offices; '" + office + "' is not one of them",
                null, false, false);
    }
}
