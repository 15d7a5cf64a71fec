package org.campaignengine.api.campaigns;

import java.time.Instant;
import java.util.List;

import org.campaignengine.api.web.input.FreeText;
import org.campaignengine.api.web.openapi.SettingsSchemas;
import org.campaignengine.domain.campaign.Channel;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** Request bodies of the command endpoints (HTTP API, Commands). */
public final class CommandRequests {

    private CommandRequests() {
    }

    /** {@code settings} is read as a tree by {@link SettingsJson}, which refuses unknown fields. */
    @Schema(description = "A new campaign: its channel, and any settings to start from.")
    public record CreateCampaign(
            @Schema(description = "The campaign's name, 1 to 200 characters (overrides `settings.name`).",
                    example = "Saturday canvass", maxLength = 200)
            String name,
            @Schema(description = "How the campaign reaches contacts; cannot change later.", example = "SMS",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            Channel channel,
            @Schema(description = "The campaign's office (overrides `settings.office`). A caller limited to offices "
                    + "(MANAGER) gives one of them, and may leave it out when it has only one; a caller of every "
                    + "office may give any office or none.", example = "lisbon", maxLength = 100)
            String office,
            @ArraySchema(arraySchema = @Schema(description = "Labels (overrides `settings.tags`): at most 20, each 1 to "
                    + "50 characters."), schema = @Schema(example = "gotv"))
            List<String> tags,
            @Schema(description = "Any other settings fields; an unknown field is a 400.",
                    implementation = SettingsSchemas.Settings.class)
            JsonNode settings) {
    }

    @Schema(description = "When to launch.")
    public record Schedule(
            @Schema(description = "The launch instant: at least the minimum lead time from now, before `endAt`.",
                    example = "2026-12-05T08:00:00Z", requiredMode = Schema.RequiredMode.REQUIRED)
            Instant launchAt) {
    }

    @Schema(description = "Why the campaign is suspended.")
    public record Suspend(
            @Schema(description = "The reason, shown as the campaign's `suspendedReason`; 1 to 500 characters.",
                    example = "Carrier flagged the sender id", maxLength = 500,
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @FreeText String reason) {
    }

    @Schema(description = "The failure the calling service reports.")
    public record MarkErrored(
            @Schema(description = "A code for the failure, 1 to 500 characters.", example = "DIALER_DOWN",
                    maxLength = 500, requiredMode = Schema.RequiredMode.REQUIRED)
            String code,
            @Schema(description = "What happened, 1 to 500 characters.", example = "The dialer stopped answering",
                    maxLength = 500, requiredMode = Schema.RequiredMode.REQUIRED)
            @FreeText String message) {
    }

    @Schema(description = "How to name the clone.")
    public record Clone(
            @Schema(description = "The clone's name; \"Copy of\" the original's name when absent.",
                    example = "Sunday canvass", maxLength = 200)
            String name) {
    }
}
