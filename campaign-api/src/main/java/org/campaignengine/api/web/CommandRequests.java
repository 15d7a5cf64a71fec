package org.campaignengine.api.web;

import java.time.Instant;
import java.util.List;

import org.campaignengine.api.openapi.SettingsSchemas;
import org.campaignengine.domain.campaign.ActivityType;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.domain.campaign.OperatedBy;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** Request bodies of the command endpoints (HTTP API, Commands). */
final class CommandRequests {

    private CommandRequests() {
    }

    /** {@code settings} is read as a tree by {@link SettingsJson}, which refuses unknown fields. */
    @Schema(description = "A new campaign: its channel, and any settings to start from.")
    record CreateCampaign(
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
    record Schedule(
            @Schema(description = "The launch instant: at least the minimum lead time from now, before `endAt`.",
                    example = "2026-12-05T08:00:00Z", requiredMode = Schema.RequiredMode.REQUIRED)
            Instant launchAt) {
    }

    @Schema(description = "Why the campaign is suspended.")
    record Suspend(
            @Schema(description = "The reason, shown as the campaign's `suspendedReason`; 1 to 500 characters.",
                    example = "Carrier flagged the sender id", maxLength = 500,
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String reason) {
    }

    @Schema(description = "The failure the calling service reports.")
    record MarkErrored(
            @Schema(description = "A code for the failure, 1 to 500 characters.", example = "DIALER_DOWN",
                    maxLength = 500, requiredMode = Schema.RequiredMode.REQUIRED)
            String code,
            @Schema(description = "What happened, 1 to 500 characters.", example = "The dialer stopped answering",
                    maxLength = 500, requiredMode = Schema.RequiredMode.REQUIRED)
            String message) {
    }

    @Schema(description = "How to name the clone.")
    record Clone(
            @Schema(description = "The clone's name; \"Copy of\" the original's name when absent.",
                    example = "Sunday canvass", maxLength = 200)
            String name) {
    }

    @Schema(description = "A batch of activity records.")
    record Activity(
            @ArraySchema(arraySchema = @Schema(description = "The records, at least one; more than the configured "
                    + "batch limit is a 413."), minItems = 1)
            List<Record> records) {
    }

    @Schema(name = "ActivityRecord", description = "One thing that happened, as the sending or calling service reports "
            + "it. `recordId` makes a report safe to send again: a record seen before counts as a duplicate. "
            + "`CONVERSATION_TAGGED` adds its `tags` to the conversation's (at most 3 of at most 30 characters).")
    record Record(
            @Schema(description = "The reporter's id of the record, 1 to 100 characters, unique per campaign.",
                    example = "msg-0042-sent", maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED)
            String recordId,
            @Schema(description = "What happened.", example = "MESSAGE_SENT", requiredMode = Schema.RequiredMode.REQUIRED)
            ActivityType type,
            @Schema(description = "When it happened.", example = "2026-12-05T10:15:00Z",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            Instant at,
            @Schema(description = "The contact it concerns, 1 to 100 characters; required with `contactName` or "
                    + "`phone`.", example = "c-10001", maxLength = 100)
            String contactId,
            @Schema(description = "The contact's name, at most 200 characters; kept sealed under the contact's key.",
                    example = "Ana Silva", maxLength = 200)
            String contactName,
            @Schema(description = "The contact's phone, at most 40 characters; kept sealed under the contact's key.",
                    example = "+12125550199", maxLength = 40)
            String phone,
            @Schema(description = "The sending service's message id, at most 200 characters.", example = "sm-88412",
                    maxLength = 200)
            String messageId,
            @Schema(description = "A reason (why a message was undelivered, say), at most 1,000 characters.",
                    example = "carrier rejected", maxLength = 1000)
            String reason,
            @Schema(description = "A cost, in millionths of the currency unit (`COST_INCURRED`), from 0 "
                    + "to " + InputBounds.MAX_COST_MICROS + ".", example = "7500", minimum = "0")
            Long costMicros,
            @Schema(description = "The caller, for calls and caller log-ins, at most 100 characters.",
                    example = "caller-17", maxLength = 100)
            String callerId,
            @ArraySchema(arraySchema = @Schema(description = "`CONVERSATION_TAGGED`: the tags to add."),
                    schema = @Schema(example = "volunteer", maxLength = 30))
            List<String> tags,
            @Schema(description = "`OPERATED_BY_CHANGED`: who answers the conversation now.", example = "AGENT")
            OperatedBy operatedBy) {
    }
}
