package org.campaignengine.api.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.campaignengine.api.live.LiveStream;
import org.campaignengine.api.live.LiveUpdate;
import org.campaignengine.api.live.LiveUpdates;
import org.campaignengine.projections.statusindex.CampaignRow;
import org.campaignengine.projections.statusindex.DisplayProfile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/stream}: server-sent events with each index row ({@code campaign}) and each
 * campaign's figures ({@code analytics}) as their read models change them, within the caller's offices.
 * The node's {@link LiveUpdates} reads each change once for every stream; here it is only rendered in the
 * caller's display profile and written. A client that falls {@link LiveUpdates#BUFFER} updates behind is
 * disconnected (it may reconnect and reload).
 */
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
    @GetMapping(path = "/api/v1/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam(required = false) String profile) throws IOException {
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
            sse.completeWithError(gone);
        }
    }
}
