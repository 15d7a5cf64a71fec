package org.campaignengine.api.web;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.campaignengine.api.audit.ChainAnchors;
import org.campaignengine.api.audit.ChainVerifier;
import org.campaignengine.api.audit.EventLinks;
import org.campaignengine.projections.audit.AuditTrail;
import org.campaignengine.projections.audit.ListAuditEvents;
import org.springframework.beans.factory.ObjectProvider;
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
    private final ObjectProvider<ChainAnchors> anchors;
    private final ObjectProvider<ChainVerifier> verifier;

    /** The anchors and verifier are absent under Axon Server, and then both endpoints answer 501. */
    AuditController(QueryGateway queries, ObjectProvider<ChainAnchors> anchors, ObjectProvider<ChainVerifier> verifier) {
        this.queries = queries;
        this.anchors = anchors;
        this.verifier = verifier;
    }

    /**
     * The head of the anchored chains: the anchor after {@code position} events. Keep a copy elsewhere;
     * {@code verify?position=&anchor=} later proves that nothing stored before it was rewritten.
     */
    @GetMapping("/head")
    ChainAnchors.Head head() {
        return present(anchors).head().orElse(new ChainAnchors.Head(0, null, 0, EventLinks.GENESIS, null));
    }

    /**
     * Recomputes every link and anchor from the stored bytes; names the first event (by global position)
     * that no longer matches. With {@code position} and {@code anchor}, also checks a head kept elsewhere.
     */
    @GetMapping("/verify")
    ChainVerifier.Report verify(@RequestParam(required = false) String position,
                                @RequestParam(required = false) String anchor) {
        ChainVerifier chains = present(verifier);
        QueryParameters parameters = new QueryParameters();
        parameters.require((position == null) == (anchor == null), "anchor", "give both position and anchor, or neither");
        long at = position == null ? 0 : parameters.version("position", position);
        parameters.require(anchor == null || anchor.matches("[0-9a-f]{64}"), "anchor",
                "must be 64 lower-case hexadecimal digits, as the head gives it");
        parameters.requireValid();
        return chains.verify(anchor == null ? null : new ChainVerifier.KeptHead(at, anchor));
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

    private static <T> T present(ObjectProvider<T> part) {
        T found = part.getIfAvailable();
        if (found == null) {
            throw new NoTamperEvidence();
        }
        return found;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
