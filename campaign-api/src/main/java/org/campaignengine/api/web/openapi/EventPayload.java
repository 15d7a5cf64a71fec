package org.campaignengine.api.web.openapi;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A stored campaign event's JSON as the history shows it, for the OpenAPI description: each event type has
 * fields of its own, all of them carry the campaign's id.
 */
@Schema(name = "EventPayload", additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
        description = "The event's own JSON, as stored: `campaignId` and the fields of its `type`. Created "
                + "{channel, settings, clonedFrom}; SettingsUpdated {settings, changed, launchAt}; Scheduled and "
                + "Unscheduled {launchAt}; LaunchRequested {launchId, channel, settings}; Launched {launchId, "
                + "phoneNumbers, useCaseId}; LaunchFailed and Rejected {launchId, reason}; Paused; Resumed "
                + "{clearedSuspension}; Suspended {reason}; Stopped {channel}; Restarted; Completed {endDateReached}; "
                + "Errored {code, message}; Archived {reason, releasedNumbers, useCaseId}; AutoArchiveWarned "
                + "{archiveAt}; Cloned {cloneId}; Deleted; ActivityRecorded {records} (stores written before activity "
                + "moved out of the campaign's stream).")
public record EventPayload(
        @Schema(description = "The campaign the event belongs to.", example = "3f8e0c1a-5d7b-4f6e-9a2b-1c3d4e5f6a7b",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String campaignId) {
}
