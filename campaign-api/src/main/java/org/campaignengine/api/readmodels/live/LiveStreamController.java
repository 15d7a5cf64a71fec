package org.campaignengine.api.readmodels.live;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.campaignengine.api.readmodels.index.DisplayProfiles;
import org.campaignengine.api.readmodels.index.IndexRow;
import org.campaignengine.api.web.OfficeScope;
import org.campaignengine.projections.statusindex.CampaignRow;
import org.campaignengine.projections.statusindex.DisplayProfile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/v1/stream}: server-sent events with each index row ({@code campaign}) and each
 * campaign's figures ({@code analytics}) as their read models change them, within the caller's offices.
 * The node's {@link LiveUpdates} reads each change once for every stream; here it is only rendered in the
 * caller's display profile and written. A client that falls {@link LiveUpdates#BUFFER} updates behind is
 * disconnected (it may reconnect and reload).
 */
@Tag(name = "read models")
@RestController
class LiveStreamController {

    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private final LiveUpdates live;
    private final OfficeScope scope;
    private final Clock clock;
    private final DisplayProfiles profiles;

    LiveStreamController(LiveUpdates live, OfficeScope scope, Clock clock, DisplayProfiles profiles) {
        this.live = live;
        this.scope = scope;
        this.clock = clock;
        this.profiles = profiles;
    }

    /**
     * The {@code ready} event is queued before the stream opens and written before any update, once this
     * method has returned, by which time the stream receives every change.
     */
    @Operation(summary = "Live updates (server-sent events)", description = "A `text/event-stream` of index rows "
            + "(`campaign`) and campaign figures (`analytics`) as their read models change them, within the caller's "
            + "offices; `ready` comes first. The stream ends after 30 minutes; a client reconnects and reloads.")
    @ApiResponse(responseCode = "200", description = "The event stream; each event is a `LiveStreamEvent`.",
            content = @Content(mediaType = "text/event-stream",
                    schema = @Schema(implementation = LiveStreamEvents.Event.class)))
    @GetMapping(path = "/api/v1/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            @Parameter(description = "The product whose words the rows' `displayStatus` shows; the configured "
                    + "default when absent.")
            @RequestParam(required = false) String profile) throws IOException {
        DisplayProfile display = profiles.chosen(profile);
        SseEmitter sse = new SseEmitter(STREAM_TIMEOUT.toMillis());
        sse.send(SseEmitter.event().name("ready").data("{\"bufferSize\":" + LiveUpdates.BUFFER + "}",
                MediaType.APPLICATION_JSON));
        LiveStream stream = live.open(scope.visibleOffices(),
                LiveStreamClient.keptAlive(sse, update -> push(sse, display, update)), () -> LiveStreamClient.end(sse));
        sse.onCompletion(stream::dispose);
        sse.onTimeout(stream::dispose);
        sse.onError(error -> stream.dispose());
        return sse;
    }

    private void push(SseEmitter sse, DisplayProfile display, LiveUpdate update) {
        if (update instanceof LiveUpdate.IndexRowChanged changed) {
            CampaignRow row = changed.row();
            send(sse, "campaign", row.id() + ":" + row.version(), IndexRow.of(row, clock, display));
        } else if (update instanceof LiveUpdate.FiguresChanged changed) {
            String id = changed.figures().campaignId();
            send(sse, "analytics", id, Map.of("campaignId", id, "analytics", changed.figures().analytics()));
        }
    }

    private static void send(SseEmitter sse, String name, String id, Object data) {
        try {
            sse.send(SseEmitter.event().name(name).id(id).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            throw LiveStreamClient.gone(sse, gone);
        }
    }
}
