package org.campaignengine.api.campaigns;

import static org.campaignengine.api.web.openapi.ProblemType.*;

import java.net.URI;
import java.util.UUID;

import org.axonframework.common.IdentifierFactory;
import org.campaignengine.api.campaigns.CommandResponses.Accepted;
import org.campaignengine.api.campaigns.CommandResponses.Cloned;
import org.campaignengine.api.web.openapi.Refusals;
import org.campaignengine.api.web.openapi.SettingsSchemas;
import org.campaignengine.domain.campaign.CampaignCommand.*;
import org.campaignengine.domain.campaign.CampaignId;
import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.CommandOutcome;
import org.campaignengine.domain.campaign.SettingField;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** The command half of the HTTP API. Each command answers with the campaign's status and version. */
@RestController
@Refusals(NODE_BUSY)
@RequestMapping("/api/v1/campaigns")
class CampaignCommandController {

    private static final String ID = "The campaign's id (a UUID).";
    private static final String ANSWER = "The command was applied: the campaign's status and version now.";

    private final CampaignCommands commands;
    private final SettingsJson settingsJson;

    CampaignCommandController(CampaignCommands commands, SettingsJson settingsJson) {
        this.commands = commands;
        this.settingsJson = settingsJson;
    }

    @Operation(tags = "campaigns", summary = "Create a campaign",
            description = "Creates a DRAFT campaign of the given channel. `name`, `office` and `tags` may be given at "
            + "the top level or inside `settings` (the top level wins); any other settings field goes in `settings`. "
            + "A caller limited to offices creates campaigns in its offices only (its one office by default). "
            + "Answers 201 with the new campaign's `Location`.")
    @ApiResponse(responseCode = "201", description = "Created as DRAFT; `Location` names the new campaign.",
            useReturnTypeSchema = true, headers = @Header(name = "Location", description = "The new campaign's path.",
            schema = @Schema(type = "string", example = "/api/v1/campaigns/3f8e0c1a-5d7b-4f6e-9a2b-1c3d4e5f6a7b")))
    @Refusals({OFFICE_NOT_ALLOWED})
    @PostMapping
    ResponseEntity<Accepted> create(@RequestBody CommandRequests.CreateCampaign body) {
        CampaignSettings settings = body.settings() == null ? CampaignSettings.builder().build()
                : settingsJson.read(body.settings(), false).values();
        CampaignSettings.Builder merged = settings.toBuilder();
        if (body.name() != null) {
            merged.name(body.name());
        }
        String office = commands.officeForNewCampaign(body.office() != null ? body.office() : settings.office());
        merged.office(office);
        if (body.tags() != null) {
            merged.tags(body.tags());
        }
        String id = IdentifierFactory.getInstance().generateIdentifier();
        URI location = URI.create("/api/v1/campaigns/" + id);
        return commands.send(new CreateCampaign(CampaignId.of(id), body.channel(), merged.build()),
                (CommandOutcome outcome) -> ResponseEntity.created(location).body(Accepted.of(outcome)));
    }

    @Operation(tags = "campaigns", summary = "Edit a campaign's settings",
            description = "A merge patch of settings fields: exactly the fields present change, null clears one, an "
            + "unknown field is refused. Which fields may change depends on the status (a field that may not is a 409 "
            + "naming it in `field`); `launchAt` moves a SCHEDULED campaign's launch. Moving the campaign to an office "
            + "outside the caller's is a 403.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "The settings fields to change.",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = SettingsSchemas.Patch.class))))
    @ApiResponse(responseCode = "200", description = ANSWER, useReturnTypeSchema = true)
    @Refusals({NOT_FOUND, LIFECYCLE_CONFLICT, CONCURRENT_CHANGE, OFFICE_NOT_ALLOWED})
    @PatchMapping("/{id}")
    Accepted update(
            @Parameter(description = ID) @PathVariable UUID id,
            @RequestBody JsonNode body) {
        SettingsJson.Patch patch = settingsJson.read(body, true);
        if (patch.fields().contains(SettingField.OFFICE) && !commands.visible(patch.values().office())) {
            throw new OfficeNotAllowed(String.valueOf(patch.values().office()));
        }
        return send(new UpdateSettings(campaign(id), patch.values(), patch.fields(), patch.launchAt()));
    }

    @Operation(tags = "campaigns", summary = "Schedule the launch",
            description = "Schedules a launch-ready DRAFT campaign to launch at `launchAt` (status SCHEDULED). The "
            + "instant must respect the minimum lead time and come before `endAt`; a campaign that is not "
            + "launch-ready is a 422 listing what it lacks.")
    @ApiResponse(responseCode = "200", description = ANSWER, useReturnTypeSchema = true)
    @Refusals({NOT_FOUND, LIFECYCLE_CONFLICT, NOT_LAUNCH_READY, CONCURRENT_CHANGE})
    @PostMapping("/{id}/schedule")
    Accepted schedule(
            @Parameter(description = ID) @PathVariable UUID id,
            @RequestBody CommandRequests.Schedule body) {
        return send(new ScheduleCampaign(campaign(id), body.launchAt()));
    }

    @Operation(tags = "campaigns", summary = "Cancel a scheduled launch",
            description = "Takes a SCHEDULED campaign back to DRAFT. Refused once the launch is inside its lock "
            + "window.")
    @ApiResponse(responseCode = "200", description = ANSWER, useReturnTypeSchema = true)
    @Refusals({NOT_FOUND, LIFECYCLE_CONFLICT, CONCURRENT_CHANGE})
    @PostMapping("/{id}/unschedule")
    Accepted unschedule(
            @Parameter(description = ID) @PathVariable UUID id) {
        return send(new UnscheduleCampaign(campaign(id)));
    }

    @Operation(tags = "campaigns", summary = "Launch now",
            description = "Requests the launch of a launch-ready DRAFT campaign: answers 202 with status "
            + "LAUNCHING. The outcome follows asynchronously: ACTIVE, or back to DRAFT (or REJECTED by the "
            + "content check) with `statusReason`; read it with `GET /api/v1/campaigns/{id}?minVersion=`.")
    @ApiResponse(responseCode = "202", description = "The launch is under way (status LAUNCHING).",
            useReturnTypeSchema = true)
    @Refusals({NOT_FOUND, LIFECYCLE_CONFLICT, NOT_LAUNCH_READY, CONCURRENT_CHANGE})
    @PostMapping("/{id}/launch")
    ResponseEntity<Accepted> launch(
            @Parameter(description = ID) @PathVariable UUID id) {
        return commands.send(new LaunchCampaign(campaign(id)),
                (CommandOutcome outcome) -> ResponseEntity.status(HttpStatus.ACCEPTED).body(Accepted.of(outcome)));
    }

    @Operation(tags = "campaigns", summary = "Pause",
            description = "Pauses an ACTIVE campaign (status PAUSED): no outbound activity until it is resumed.")
    @ApiResponse(responseCode = "200", description = ANSWER, useReturnTypeSchema = true)
    @Refusals({NOT_FOUND, LIFECYCLE_CONFLICT, CONCURRENT_CHANGE})
    @PostMapping("/{id}/pause")
    Accepted pause(
            @Parameter(description = ID) @PathVariable UUID id) {
        return send(new PauseCampaign(campaign(id)));
    }

    @Operation(tags = "campaigns", summary = "Resume",
            description = "Resumes a PAUSED or SUSPENDED campaign (status ACTIVE).")
    @ApiResponse(responseCode = "200", description = ANSWER, useReturnTypeSchema = true)
    @Refusals({NOT_FOUND, LIFECYCLE_CONFLICT, CONCURRENT_CHANGE})
    @PostMapping("/{id}/resume")
    Accepted resume(
            @Parameter(description = ID) @PathVariable UUID id) {
        return send(new ResumeCampaign(campaign(id)));
    }

    @Operation(tags = "campaigns", summary = "Suspend",
            description = "Suspends an ACTIVE campaign with a reason (status SUSPENDED), as the sending or calling "
            + "service does when it must stop it.")
    @ApiResponse(responseCode = "200", description = ANSWER, useReturnTypeSchema = true)
    @Refusals({NOT_FOUND, LIFECYCLE_CONFLICT, CONCURRENT_CHANGE})
    @PostMapping("/{id}/suspend")
    Accepted suspend(
            @Parameter(description = ID) @PathVariable UUID id,
            @RequestBody CommandRequests.Suspend body) {
        return send(new SuspendCampaign(campaign(id), body.reason()));
    }

    @Operation(tags = "campaigns", summary = "Stop",
            description = "Stops a SCHEDULED or running campaign (status STOPPED); an SMS campaign that was "
            + "launched may be restarted.")
    @ApiResponse(responseCode = "200", description = ANSWER, useReturnTypeSchema = true)
    @Refusals({NOT_FOUND, LIFECYCLE_CONFLICT, CONCURRENT_CHANGE})
    @PostMapping("/{id}/stop")
    Accepted stop(
            @Parameter(description = ID) @PathVariable UUID id) {
        return send(new StopCampaign(campaign(id)));
    }

    @Operation(tags = "campaigns", summary = "Restart",
            description = "Restarts a STOPPED SMS campaign that was launched before (status ACTIVE); a VOICE campaign "
            + "has no restart (409).")
    @ApiResponse(responseCode = "200", description = ANSWER, useReturnTypeSchema = true)
    @Refusals({NOT_FOUND, LIFECYCLE_CONFLICT, CONCURRENT_CHANGE})
    @PostMapping("/{id}/restart")
    Accepted restart(
            @Parameter(description = ID) @PathVariable UUID id) {
        return send(new RestartCampaign(campaign(id)));
    }

    @Operation(tags = "campaigns", summary = "Complete",
            description = "Marks a running campaign (ACTIVE, PAUSED or SUSPENDED) COMPLETED before its end "
            + "date.")
    @ApiResponse(responseCode = "200", description = ANSWER, useReturnTypeSchema = true)
    @Refusals({NOT_FOUND, LIFECYCLE_CONFLICT, CONCURRENT_CHANGE})
    @PostMapping("/{id}/complete")
    Accepted complete(
            @Parameter(description = ID) @PathVariable UUID id) {
        return send(new CompleteCampaign(campaign(id)));
    }

    @Operation(tags = "campaigns", summary = "Report an error",
            description = "The calling service reports that an ACTIVE VOICE campaign failed (status ERRORED) with a "
            + "code and a message; an SMS campaign has no error command (409).")
    @ApiResponse(responseCode = "200", description = ANSWER, useReturnTypeSchema = true)
    @Refusals({NOT_FOUND, LIFECYCLE_CONFLICT, CONCURRENT_CHANGE})
    @PostMapping("/{id}/error")
    Accepted error(
            @Parameter(description = ID) @PathVariable UUID id,
            @RequestBody CommandRequests.MarkErrored body) {
        return send(new MarkCampaignErrored(campaign(id), body.code(), body.message()));
    }

    @Operation(tags = "campaigns", summary = "Archive",
            description = "Archives a DRAFT, REJECTED, STOPPED, ERRORED or COMPLETED campaign (status ARCHIVED); a "
            + "running one is stopped first. Its single-use numbers are released shortly after.")
    @ApiResponse(responseCode = "200", description = ANSWER, useReturnTypeSchema = true)
    @Refusals({NOT_FOUND, LIFECYCLE_CONFLICT, CONCURRENT_CHANGE})
    @PostMapping("/{id}/archive")
    Accepted archive(
            @Parameter(description = ID) @PathVariable UUID id) {
        return send(new ArchiveCampaign(campaign(id)));
    }

    @Operation(tags = "campaigns", summary = "Clone",
            description = "Creates a new DRAFT campaign with this one's settings (from any status but deleted), "
            + "named as asked or \"Copy of\" the original's name. The body is optional.")
    @ApiResponse(responseCode = "201", description = "The clone was created as DRAFT; `Location` names it.",
            useReturnTypeSchema = true, headers = @Header(name = "Location", description = "The clone's path.",
            schema = @Schema(type = "string")))
    @Refusals({NOT_FOUND, LIFECYCLE_CONFLICT, CONCURRENT_CHANGE})
    @PostMapping("/{id}/clone")
    ResponseEntity<Cloned> cloneCampaign(
            @Parameter(description = ID) @PathVariable UUID id,
            @RequestBody(required = false) CommandRequests.Clone body) {
        String cloneId = IdentifierFactory.getInstance().generateIdentifier();
        URI location = URI.create("/api/v1/campaigns/" + cloneId);
        return commands.send(new CloneCampaign(campaign(id), CampaignId.of(cloneId), body == null ? null : body.name()),
                (CommandOutcome outcome) -> ResponseEntity.created(location)
                        .body(new Cloned(cloneId, outcome.status(), id.toString(), outcome.version())));
    }

    @Operation(tags = "campaigns", summary = "Delete a draft",
            description = "Deletes a campaign that was never launched (DRAFT only); it disappears from every page, "
            + "its history stays for auditors.")
    @ApiResponse(responseCode = "204", description = "Deleted; no body.")
    @Refusals({NOT_FOUND, LIFECYCLE_CONFLICT, CONCURRENT_CHANGE})
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @Parameter(description = ID) @PathVariable UUID id) {
        return commands.send(new DeleteCampaign(campaign(id)),
                (CommandOutcome outcome) -> ResponseEntity.noContent().build());
    }

    private Accepted send(Object command) {
        return commands.send(command, Accepted::of);
    }

    private static CampaignId campaign(UUID id) {
        return CampaignId.of(id.toString());
    }
}
