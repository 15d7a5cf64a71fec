package org.campaignengine.api.activity;

import static org.campaignengine.api.web.openapi.ProblemType.*;

import java.util.UUID;

import org.campaignengine.api.activity.ActivityRequests.Activity;
import org.campaignengine.api.campaigns.CampaignCommands;
import org.campaignengine.api.web.openapi.Refusals;
import org.campaignengine.domain.campaign.CampaignCommand.RecordActivity;
import org.campaignengine.domain.campaign.CampaignId;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * {@code POST /api/v1/campaigns/{id}/activity}: what the sending and calling services report, in batches. A batch
 * over the limit is refused as it is read ({@link BatchLimit}); the records' field rules are their constraints
 * ({@link ActivityRequests}), checked by {@link ActivityValidation} before anything else is done with the batch.
 */
@RestController
@Refusals(NODE_BUSY)
@RequestMapping("/api/v1/campaigns")
class ActivityController {

    private final CampaignCommands commands;
    private final ActivityRecords activityRecords;
    private final ActivityMetrics metrics;
    private final ActivityValidation validation;

    ActivityController(CampaignCommands commands, ActivityRecords activityRecords, ActivityMetrics metrics,
                       ActivityValidation validation) {
        this.commands = commands;
        this.activityRecords = activityRecords;
        this.metrics = metrics;
        this.validation = validation;
    }

    @Operation(tags = "activity", summary = "Record activity",
            description = "The sending and calling services report what happened: messages, receipts, replies, "
            + "opt-outs, clicks, costs, calls. Records are checked field by field first (every "
            + "mistake in one 400). Each record then counts, is a duplicate of a `recordId` seen before, or is "
            + "rejected with its reason (not allowed in the campaign's status or outside its open hours, a "
            + "conversation tag limit). A contact's name and phone are sealed under the contact's key before they "
            + "are kept. Activity does not change the campaign's version.")
    @ApiResponse(responseCode = "200", description = "How many records counted, were duplicates, or were rejected "
            + "and why.", useReturnTypeSchema = true)
    @Refusals({NOT_FOUND, BATCH_TOO_LARGE, CONCURRENT_CHANGE})
    @PostMapping("/{id}/activity")
    ActivityAccepted activity(
            @Parameter(description = "The campaign's id (a UUID).") @PathVariable UUID id,
            @RequestBody Activity body) throws MethodArgumentNotValidException {
        validation.check(body);
        return metrics.counted(commands.send(new RecordActivity(CampaignId.of(id.toString()),
                activityRecords.toDomain(body.records())), ActivityAccepted::of));
    }
}
