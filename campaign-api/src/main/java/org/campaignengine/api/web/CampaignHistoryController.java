package org.campaignengine.api.web;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.campaignengine.api.audit.CampaignExport;
import org.campaignengine.api.audit.CampaignHistory;
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

/**
 * A campaign's history for auditors (HTTP API, Queries; the lifecycle rules' history and audit), read from the event store, so
 * deleted and archived campaigns answer too: the events in order, the campaign as it stood at a version
 * or an instant, and an export of its history and activity. Parameters are checked first (400); a
 * campaign with no stored event is 404.
 */
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
    @GetMapping("/history")
    ResponseEntity<List<CampaignHistory.Entry>> history(@PathVariable UUID id,
                                                        @RequestParam(required = false) List<String> type,
                                                        @RequestParam(required = false) String from,
                                                        @RequestParam(required = false) String to,
                                                        @RequestParam(defaultValue = "0") String page,
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
    @GetMapping("/state")
    PastCampaign state(@PathVariable UUID id, @RequestParam(required = false) String asOf,
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
    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(@PathVariable UUID id, @RequestParam(defaultValue = "jsonl") String format) {
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
