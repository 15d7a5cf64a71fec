package org.campaignengine.api.audit;

import static org.campaignengine.api.web.openapi.ProblemType.*;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.campaignengine.api.web.CampaignNotFound;
import org.campaignengine.api.web.RequestContext;
import org.campaignengine.api.web.input.QueryParameters;
import org.campaignengine.api.web.openapi.Refusals;
import org.campaignengine.domain.audit.AuditRecord.CampaignExported;
import org.campaignengine.domain.campaign.PastCampaign;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A campaign's history for auditors (HTTP API, Queries; the lifecycle rules' history and audit), read from the event store, so
 * deleted and archived campaigns answer too: the events in order, the campaign as it stood at a version
 * or an instant, and an export of its history and activity. Parameters are checked first (400); a
 * campaign with no stored event is 404.
 */
@Tag(name = "history & audit")
@RestController
@RequestMapping("/api/v1/campaigns/{id}")
class CampaignHistoryController {

    static final int DEFAULT_HISTORY_SIZE = 100;
    static final int MAX_HISTORY_SIZE = 1000;

    private final CampaignHistory history;
    private final CampaignExport export;
    private final EventGateway events;

    CampaignHistoryController(CampaignHistory history, CampaignExport export, EventGateway events) {
        this.history = history;
        this.export = export;
        this.events = events;
    }

    /**
     * The events in stream order as the HTTP API gives them, a JSON array; {@code page} and {@code size} page a
     * long history, and a {@code Link: <...>; rel="next"} header names the next page while more follow.
     * {@code type} (repeatable or comma-separated event names), {@code from} (inclusive) and {@code to}
     * (exclusive) narrow it.
     */
    @Operation(summary = "A campaign's events", description = "The campaign's stored events in stream order, read from "
            + "the event store (deleted and archived campaigns answer too), narrowed by `type`, `from` and `to`. "
            + "`page` and `size` page a long history; a `Link: <...>; rel=\"next\"` header names the next page while "
            + "more follow.")
    @ApiResponse(responseCode = "200", description = "The events of this page, in order.", useReturnTypeSchema = true,
            headers = @Header(name = "Link", description = "`<next page>; rel=\"next\"` while more events follow.",
                    schema = @Schema(type = "string")))
    @Refusals({NOT_FOUND})
    @GetMapping("/history")
    ResponseEntity<List<CampaignHistory.Entry>> history(
            @Parameter(description = "The campaign's id (a UUID).") @PathVariable UUID id,
            @Parameter(description = "Event names to list (repeatable or comma-separated), e.g. `Paused,Resumed`; "
                    + "all when absent.")
            @RequestParam(required = false) List<String> type,
            @Parameter(description = "Events stored at or after this instant.")
            @RequestParam(required = false) String from,
            @Parameter(description = "Events stored before this instant.") @RequestParam(required = false) String to,
            @Parameter(description = "The page number, from 0.") @RequestParam(defaultValue = "0") String page,
            @Parameter(description = "The page size, 1 to 1000 (100 by default).")
            @RequestParam(defaultValue = "" + DEFAULT_HISTORY_SIZE) String size) {
        QueryParameters parameters = new QueryParameters();
        CampaignHistory.Filter filter = new CampaignHistory.Filter(types(type), parameters.instant("from", from),
                parameters.instant("to", to));
        int pageNumber = parameters.number("page", page, 0, Integer.MAX_VALUE / MAX_HISTORY_SIZE);
        int pageSize = parameters.number("size", size, 1, MAX_HISTORY_SIZE);
        parameters.requireValid();
        CampaignHistory.Page found = history.page(id.toString(), filter, pageNumber, pageSize);
        if (found.items().isEmpty() && !history.exists(id.toString())) {
            throw new CampaignNotFound(id.toString());
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (found.more()) {
            String next = UriComponentsBuilder.fromPath("/api/v1/campaigns/{id}/history")
                    .queryParamIfPresent("type", java.util.Optional.ofNullable(type))
                    .queryParamIfPresent("from", java.util.Optional.ofNullable(from))
                    .queryParamIfPresent("to", java.util.Optional.ofNullable(to))
                    .queryParam("page", pageNumber + 1).queryParam("size", pageSize)
                    .buildAndExpand(id).encode().toUriString();
            answer.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return answer.body(found.items());
    }

    /** The campaign as it stood at {@code asOf} (an instant) or after its event {@code version}: exactly one. */
    @Operation(summary = "A campaign as it was", description = "The campaign folded from its history as it stood at "
            + "`asOf` (an instant) or after its event `version`: give exactly one. A campaign with no stored event is "
            + "404 `not-found`; one that did not exist yet at `asOf`, or has no such version, is 404 `not-in-history`.")
    @ApiResponse(responseCode = "200", description = "The campaign then.", useReturnTypeSchema = true)
    @Refusals({NOT_FOUND, NOT_IN_HISTORY})
    @GetMapping("/state")
    PastCampaign state(
            @Parameter(description = "The campaign's id (a UUID).") @PathVariable UUID id,
            @Parameter(description = "An instant: the campaign as every event stored until then left "
                    + "it.", example = "2026-12-04T16:00:00Z")
            @RequestParam(required = false) String asOf,
            @Parameter(description = "A version: the campaign after its event of this sequence number.", example = "3")
            @RequestParam(required = false) String version) {
        QueryParameters parameters = new QueryParameters();
        parameters.require((asOf == null) != (version == null), "asOf", "give exactly one of asOf and version");
        var instant = parameters.instant("asOf", asOf);
        long sequence = version == null ? 0 : parameters.version("version", version);
        parameters.requireValid();
        String campaign = id.toString();
        var past = instant != null ? history.asOf(campaign, instant) : history.atVersion(campaign, sequence);
        return past.orElseThrow(() -> history.exists(campaign)
                ? new NotInHistory(instant != null ? "The campaign did not exist yet at " + instant
                : "The campaign has no version " + sequence)
                : new CampaignNotFound(campaign));
    }

    /**
     * The campaign's history, then its activity, as JSON lines or CSV, streamed as it is read. The export
     * itself is recorded, with its actor, before the first byte is sent.
     */
    @Operation(summary = "Export a campaign", description = "The campaign's history, then its activity, as JSON lines "
            + "or CSV, streamed as it is read (names and phones of forgotten contacts are gone). The export itself is "
            + "recorded in the audit trail, with its actor, before the first byte is sent.")
    @ApiResponse(responseCode = "200", description = "The export, as an attachment.", content = {
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string",
                    description = "One JSON object per line, `kind` telling an `event` (the history entries "
                            + "first) from an `activity` record (then every record the campaign accepted).")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                    description = "RFC 4180 rows under a header: kind, sequence, type, occurredAt, recordedAt, "
                            + "actor, requestId, recordId, erased, data (the event's payload or the record as JSON)."))},
            headers = @Header(name = "Content-Disposition", description = "`attachment; filename=\"campaign-{id}.{format}\"`",
                    schema = @Schema(type = "string")))
    @Refusals({NOT_FOUND})
    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(
            @Parameter(description = "The campaign's id (a UUID).") @PathVariable UUID id,
            @Parameter(description = "jsonl (the default) or csv.") @RequestParam(defaultValue = "jsonl") String format) {
        QueryParameters parameters = new QueryParameters();
        CampaignExport.Format chosen = parameters.oneOf("format", format, CampaignExport.Format::parse,
                Arrays.stream(CampaignExport.Format.values()).map(CampaignExport.Format::extension).toList());
        parameters.requireValid();
        String campaign = id.toString();
        if (!history.exists(campaign)) {
            throw new CampaignNotFound(campaign);
        }
        events.publish(GenericEventMessage.asEventMessage(new CampaignExported(campaign, chosen.extension()))
                .andMetaData(RequestContext.auditMetaData()));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(chosen.mediaType() + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"campaign-" + campaign + "." + chosen.extension() + "\"")
                .body(out -> export.write(campaign, chosen, out));
    }

    private static Set<String> types(List<String> requested) {
        Set<String> types = new LinkedHashSet<>();
        if (requested != null) {
            requested.forEach(each -> Arrays.stream(each.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                    .forEach(types::add));
        }
        return types;
    }
}
