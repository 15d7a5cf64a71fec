package org.campaignengine.api.web;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.campaignengine.projections.audit.AuditTrail;
import org.campaignengine.projections.audit.ListAuditEvents;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation-wide audit trail (issue 10): who did what, across every campaign and office, newest
 * first, as {@code {items, page, size, more}}. Served by the {@code audit-trail} read model.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    static final int MAX_TRAIL_SIZE = 500;

    private final QueryGateway queries;

    AuditController(QueryGateway queries) {
        this.queries = queries;
    }

    /** {@code actor}, {@code type} (an event name such as {@code Archived}), {@code from} (inclusive), {@code to} (exclusive). */
    @GetMapping("/events")
    AuditTrail.Page events(@RequestParam(required = false) String actor, @RequestParam(required = false) String type,
                           @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                           @RequestParam(defaultValue = "0") String page,
                           @RequestParam(defaultValue = "" + CampaignListController.DEFAULT_SIZE) String size) {
        QueryParameters parameters = new QueryParameters();
        var since = parameters.instant("from", from);
        var until = parameters.instant("to", to);
        int pageNumber = parameters.number("page", page, 0, Integer.MAX_VALUE / MAX_TRAIL_SIZE);
        int pageSize = parameters.number("size", size, 1, MAX_TRAIL_SIZE);
        parameters.requireValid();
        return queries.query(new ListAuditEvents(blankToNull(actor), blankToNull(type), since, until, pageNumber,
                pageSize), ResponseTypes.instanceOf(AuditTrail.Page.class)).join();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
