package org.campaignengine.api.audit;

import static org.campaignengine.api.web.openapi.ProblemType.*;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.campaignengine.api.eventstore.EventLinks;
import org.campaignengine.api.web.input.QueryParameters;
import org.campaignengine.api.web.openapi.Refusals;
import org.campaignengine.projections.audit.AuditTrail;
import org.campaignengine.projections.audit.ListAuditEvents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The organisation-wide audit trail (issue 10): who did what, across every campaign and office, newest
 * first, as {@code {items, page, size, more}}. Served by the {@code audit-trail} read model.
 */
@Tag(name = "history & audit")
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
    @Operation(summary = "The head of the tamper-evident chains", description = "The anchor after the events stored so "
            + "far. Keep a copy elsewhere: `GET /api/v1/audit/verify?position=&anchor=` later proves that nothing stored "
            + "before it was rewritten. 501 with Axon Server, which keeps the events itself.")
    @ApiResponse(responseCode = "200", description = "The head.", useReturnTypeSchema = true)
    @Refusals({NO_TAMPER_EVIDENCE})
    @GetMapping("/head")
    ChainAnchors.Head head() {
        return present(anchors).head().orElse(new ChainAnchors.Head(0, null, 0, EventLinks.GENESIS, null));
    }

    /**
     * Recomputes every link and anchor from the stored bytes; names the first event (by global position)
     * that no longer matches. With {@code position} and {@code anchor}, also checks a head kept elsewhere.
     */
    @Operation(summary = "Verify the stored events", description = "Recomputes every link and anchor from the stored "
            + "bytes and names the first event (by global position) that no longer matches; compares the audit trail "
            + "with the store. With `position` and `anchor` (both or neither), also checks a head kept elsewhere. 501 "
            + "with Axon Server.")
    @ApiResponse(responseCode = "200", description = "The report; `verified` says whether everything holds.",
            useReturnTypeSchema = true)
    @Refusals({NO_TAMPER_EVIDENCE})
    @GetMapping("/verify")
    ChainVerifier.Report verify(
            @Parameter(description = "A kept head's `position`.", example = "10452")
            @RequestParam(required = false) String position,
            @Parameter(description = "A kept head's `anchor`: 64 lower-case hexadecimal digits.")
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
    @Operation(summary = "The audit trail", description = "Who did what, across every campaign and office, newest "
            + "first, filtered by actor, event name and time; a page says whether more follow.")
    @ApiResponse(responseCode = "200", description = "A page of the trail.", useReturnTypeSchema = true)
    @GetMapping("/events")
    AuditTrail.Page events(
            @Parameter(description = "Only events caused by this account.")
            @RequestParam(required = false) String actor,
            @Parameter(description = "Only events of this name, e.g. `Archived`.")
            @RequestParam(required = false) String type,
            @Parameter(description = "Events at or after this instant.") @RequestParam(required = false) String from,
            @Parameter(description = "Events before this instant.") @RequestParam(required = false) String to,
            @Parameter(description = "The page number, from 0.") @RequestParam(defaultValue = "0") String page,
            @Parameter(description = "The page size, 1 to 500 (20 by default).")
            @RequestParam(defaultValue = "" + QueryParameters.DEFAULT_PAGE_SIZE) String size) {
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
