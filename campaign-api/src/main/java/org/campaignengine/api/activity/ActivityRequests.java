package org.campaignengine.api.activity;

import java.time.Instant;
import java.util.List;

import org.campaignengine.api.web.input.FreeText;
import org.campaignengine.api.web.input.InputBounds;
import org.campaignengine.domain.campaign.ActivityType;
import org.campaignengine.domain.campaign.OperatedBy;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** The request body of {@code POST /api/v1/campaigns/{id}/activity}: a batch of records (HTTP API, Activity). */
public final class ActivityRequests {

    private ActivityRequests() {
    }

    @Schema(description = "A batch of activity records.")
    public record Activity(
            @ArraySchema(arraySchema = @Schema(description = "The records, at least one; more than the configured "
                    + "batch limit is a 413."), minItems = 1)
            List<Record> records) {
    }

    @Schema(name = "ActivityRecord", description = "One thing that happened, as the sending or calling service reports "
            + "it. `recordId` makes a report safe to send again: a record seen before counts as a duplicate. "
            + "`CONVERSATION_TAGGED` adds its `tags` to the conversation's (at most 3 of at most 30 characters).")
    public record Record(
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
            @FreeText String reason,
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
