package org.campaignengine.api.readmodels.live;

import org.campaignengine.api.readmodels.index.IndexRow;
import org.campaignengine.api.web.openapi.ReadModelSchemas;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The events of {@code GET /api/v1/stream} as the OpenAPI description shows them: the stream itself is
 * {@code text/event-stream}, each event with a name, an id and one line of JSON data, described here.
 */
final class LiveStreamEvents {

    private LiveStreamEvents() {
    }

    @Schema(name = "LiveStreamEvent", description = "One server-sent event: `event:` names it, `id:` identifies it, "
            + "`data:` is one line of JSON. `ready` comes first, once the stream receives every change; then "
                    + "`campaign` "
            + "(an index row changed) and `analytics` (a campaign's figures changed), within the caller's offices. A "
            + "client that falls too many updates behind is disconnected and may reconnect and reload.")
    record Event(
            @Schema(description = "The event's name.", allowableValues = {"ready", "campaign", "analytics"},
                    example = "campaign") String event,
            @Schema(description = "`campaign`: the campaign's id and version as `id:version`; `analytics`: the "
                    + "campaign's id; none for `ready`.", example = "3f8e0c1a-5d7b-4f6e-9a2b-1c3d4e5f6a7b:6",
                    nullable = true) String id,
            @Schema(description = "The event's JSON data: `LiveStreamReady`, an `IndexRow` in the display profile "
                    + "asked for, or "
                    + "`LiveAnalytics`.", oneOf = {Ready.class, IndexRow.class, LiveAnalytics.class}) Object data) {
    }

    @Schema(name = "LiveStreamReady", description = "The `ready` event's data.")
    record Ready(
            @Schema(description = "How many updates the stream holds for a slow client before it disconnects it.",
                    example = "" + LiveUpdates.BUFFER) int bufferSize) {
    }

    @Schema(name = "LiveAnalytics", description = "The `analytics` event's data: a campaign's figures as they changed.")
    record LiveAnalytics(
            @Schema(description = "The campaign's "
                    + "id.", example = "3f8e0c1a-5d7b-4f6e-9a2b-1c3d4e5f6a7b") String campaignId,
            @Schema(description = "Its analytics now.") ReadModelSchemas.CampaignAnalytics analytics) {
    }
}
