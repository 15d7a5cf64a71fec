package org.campaignengine.api.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.campaignengine.api.config.EngineProperties;
import org.campaignengine.api.web.CommandRequests.Activity;
import org.campaignengine.api.web.CommandRequests.Record;
import org.campaignengine.api.web.CommandResponses.Accepted;
import org.campaignengine.api.web.CommandResponses.ActivityAccepted;
import org.campaignengine.api.web.CommandResponses.Cloned;
import org.campaignengine.domain.campaign.CampaignCommand.*;
import org.campaignengine.domain.campaign.CampaignId;
import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.CommandOutcome;
import org.campaignengine.domain.campaign.InvalidCampaignInput;
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

/** The command half of the HTTP API. Each command answers with the campaign's status and version. */
@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignCommandController {

    private final CampaignCommands commands;
    private final SettingsJson settingsJson;
    private final EngineProperties properties;
    private final ActivityRecords activityRecords;

    CampaignCommandController(CampaignCommands commands, SettingsJson settingsJson, EngineProperties properties,
                              ActivityRecords activityRecords) {
        this.commands = commands;
        this.settingsJson = settingsJson;
        this.properties = properties;
        this.activityRecords = activityRecords;
    }

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
        String id = UUID.randomUUID().toString();
        URI location = URI.create("/api/v1/campaigns/" + id);
        return commands.send(new CreateCampaign(CampaignId.of(id), body.channel(), merged.build()),
                (CommandOutcome outcome) -> ResponseEntity.created(location).body(Accepted.of(outcome)));
    }

    @PatchMapping("/{id}")
    Accepted update(@PathVariable UUID id, @RequestBody JsonNode body) {
        SettingsJson.Patch patch = settingsJson.read(body, true);
        if (patch.fields().contains(SettingField.OFFICE) && !commands.visible(patch.values().office())) {
            throw new OfficeNotAllowed(String.valueOf(patch.values().office()));
        }
        return send(new UpdateSettings(campaign(id), patch.values(), patch.fields(), patch.launchAt()));
    }

    @PostMapping("/{id}/schedule")
    Accepted schedule(@PathVariable UUID id, @RequestBody CommandRequests.Schedule body) {
        return send(new ScheduleCampaign(campaign(id), body.launchAt()));
    }

    @PostMapping("/{id}/unschedule")
    Accepted unschedule(@PathVariable UUID id) {
        return send(new UnscheduleCampaign(campaign(id)));
    }

    @PostMapping("/{id}/launch")
    ResponseEntity<Accepted> launch(@PathVariable UUID id) {
        return commands.send(new LaunchCampaign(campaign(id)),
                (CommandOutcome outcome) -> ResponseEntity.status(HttpStatus.ACCEPTED).body(Accepted.of(outcome)));
    }

    @PostMapping("/{id}/pause")
    Accepted pause(@PathVariable UUID id) {
        return send(new PauseCampaign(campaign(id)));
    }

    @PostMapping("/{id}/resume")
    Accepted resume(@PathVariable UUID id) {
        return send(new ResumeCampaign(campaign(id)));
    }

    @PostMapping("/{id}/suspend")
    Accepted suspend(@PathVariable UUID id, @RequestBody CommandRequests.Suspend body) {
        return send(new SuspendCampaign(campaign(id), body.reason()));
    }

    @PostMapping("/{id}/stop")
    Accepted stop(@PathVariable UUID id) {
        return send(new StopCampaign(campaign(id)));
    }

    @PostMapping("/{id}/restart")
    Accepted restart(@PathVariable UUID id) {
        return send(new RestartCampaign(campaign(id)));
    }

    @PostMapping("/{id}/complete")
    Accepted complete(@PathVariable UUID id) {
        return send(new CompleteCampaign(campaign(id)));
    }

    @PostMapping("/{id}/error")
    Accepted error(@PathVariable UUID id, @RequestBody CommandRequests.MarkErrored body) {
        return send(new MarkCampaignErrored(campaign(id), body.code(), body.message()));
    }

    @PostMapping("/{id}/archive")
    Accepted archive(@PathVariable UUID id) {
        return send(new ArchiveCampaign(campaign(id)));
    }

    @PostMapping("/{id}/clone")
    ResponseEntity<Cloned> cloneCampaign(@PathVariable UUID id,
                                         @RequestBody(required = false) CommandRequests.Clone body) {
        String cloneId = UUID.randomUUID().toString();
        URI location = URI.create("/api/v1/campaigns/" + cloneId);
        return commands.send(new CloneCampaign(campaign(id), CampaignId.of(cloneId), body == null ? null : body.name()),
                (CommandOutcome outcome) -> ResponseEntity.created(location)
                        .body(new Cloned(cloneId, outcome.status(), id.toString(), outcome.version())));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        return commands.send(new DeleteCampaign(campaign(id)),
                (CommandOutcome outcome) -> ResponseEntity.noContent().build());
    }

    @PostMapping("/{id}/activity")
    ActivityAccepted activity(@PathVariable UUID id, @RequestBody Activity body) {
        List<Record> records = body.records();
        if (records == null || records.isEmpty()) {
            throw InvalidCampaignInput.of("records", "at least one record is required");
        }
        int max = properties.activity().maxBatch();
        if (records.size() > max) {
            throw new BatchTooLarge(records.size(), max);
        }
        return commands.send(new RecordActivity(campaign(id), activityRecords.toDomain(records)),
                ActivityAccepted::of);
    }

    private Accepted send(Object command) {
        return commands.send(command, Accepted::of);
    }

    private static CampaignId campaign(UUID id) {
        return CampaignId.of(id.toString());
    }
}
