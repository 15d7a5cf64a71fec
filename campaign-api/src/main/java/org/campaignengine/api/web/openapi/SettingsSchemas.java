package org.campaignengine.api.web.openapi;

import java.time.Instant;
import java.util.List;

import org.campaignengine.domain.campaign.CampaignType;
import org.campaignengine.domain.campaign.OperatedBy;
import org.campaignengine.domain.campaign.PhoneNumberMode;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The settings fields as the OpenAPI description shows them. The engine reads settings from a JSON tree
 * itself (an unknown field is refused, a PATCH changes exactly the fields present), so these records
 * only describe the shape; they stand in for the domain's settings types wherever those appear.
 */
public final class SettingsSchemas {

    private SettingsSchemas() {
    }

    private static final String SETTINGS = "Everything a client may set on a campaign. Which fields may change in "
            + "which status follows the lifecycle rules (a field that may not be edited now is a 409 "
            + "`lifecycle-conflict` naming it); an unknown field is a 400. Launch needs `name`, `contactList` "
            + "(size 1 or more), `initialMessage` (SMS) or `script` (VOICE), `startAt`, `endAt` (in the future, "
            + "after `startAt`), `openHours`, `timeZone`, and `areaCodes` (single-use numbers) or "
            + "`reusableNumber` (reusable).";

    @Schema(name = "CampaignSettings", description = SETTINGS, additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record Settings(
            @Schema(description = "The campaign's name, 1 to 200 characters.", example = "Saturday "
                    + "canvass", maxLength = 200)
            String name,
            @Schema(description = "The office the campaign belongs to, one of the caller's offices (at most 100 "
                    + "characters); a caller of one office gets it by default.", example = "lisbon", maxLength = 100)
            String office,
            @ArraySchema(arraySchema = @Schema(description = "Labels to find the campaign by: at most 20, each 1 to 50 "
                    + "characters."), maxItems = 20, schema = @Schema(example = "gotv", maxLength = 50))
            List<String> tags,
            @Schema(description = "The list of contacts the campaign reaches.")
            ContactList contactList,
            @Schema(description = "SMS: the first message sent to each contact, at most 1,600 characters; the "
                    + "content check refuses a denied term at launch.", example = "Hi {firstName}, polls open at 7am!",
                    maxLength = 1600)
            String initialMessage,
            @Schema(description = "VOICE: what callers say, at most 20,000 characters.",
                    example = "Hello, I am calling on behalf of...", maxLength = 20000)
            String script,
            @Schema(description = "When the campaign may start reaching contacts (an ISO-8601 instant).",
                    example = "2026-12-05T09:00:00Z")
            Instant startAt,
            @Schema(description = "When the campaign ends; a running campaign completes then. Must be after "
                    + "`startAt` and in the future to launch.", example = "2026-12-20T21:00:00Z")
            Instant endAt,
            @Schema(description = "The IANA time zone `openHours` are read in.", example = "America/New_York")
            String timeZone,
            @Schema(description = "The daily window in which outbound activity may happen.")
            OpenHours openHours,
            @ArraySchema(arraySchema = @Schema(description = "Single-use numbers: the area codes to buy numbers in "
                    + "at launch, three digits each, no repeats, at most 49 (the 10DLC limit of `useCaseId`)."),
                    maxItems = 49, uniqueItems = true, schema = @Schema(example = "212", pattern = "^\\d{3}$"))
            List<String> areaCodes,
            @Schema(description = "`SINGLE_USE` (the default): numbers are bought at launch and released at "
                    + "archive; `REUSABLE`: the campaign uses `reusableNumber`, which stays with its owner.",
                    example = "SINGLE_USE", defaultValue = "SINGLE_USE")
            PhoneNumberMode phoneNumberMode,
            @Schema(description = "The reusable number, in E.164 form, when `phoneNumberMode` is `REUSABLE`.",
                    example = "+14155550100", pattern = "^\\+?[1-9]\\d{6,14}$")
            String reusableNumber,
            @Schema(description = "Who answers the campaign's conversations.", example = "AGENT")
            OperatedBy operatedBy,
            @Schema(description = "Whether contacts may also reach the campaign.", example = "OUTBOUND_ONLY")
            CampaignType type,
            @Schema(description = "The sender id shown to contacts, at most 20 characters.", example = "VOTE2026",
                    maxLength = 20)
            String senderId,
            @ArraySchema(arraySchema = @Schema(description = "SMS: versions of the initial message and the share of "
                    + "contacts each reaches; the ratios add up to 100."))
            List<Variant> variants,
            @Schema(description = "The 10DLC use case the numbers are registered under, at most 100 characters; "
                    + "its 49-number limit applies to `areaCodes`.", example = "uc-political-2026", maxLength = 100)
            String useCaseId) {
    }

    @Schema(name = "SettingsPatch", description = "A merge patch of settings: exactly the fields present change, "
            + "a field set to null is cleared, fields left out keep their values. Any field of `CampaignSettings`, "
            + "plus `launchAt` to move a SCHEDULED campaign's launch. An unknown field is a 400; a field that may not "
            + "be edited in the campaign's status is a 409 naming "
                    + "it.", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record Patch(
            @Schema(description = "The campaign's name, 1 to 200 characters; cannot be cleared.",
                    example = "Sunday canvass", maxLength = 200, nullable = true)
            String name,
            @Schema(description = "Moves the campaign to another of the caller's offices.", example = "porto",
                    maxLength = 100, nullable = true)
            String office,
            @ArraySchema(arraySchema = @Schema(description = "Replaces the tags (at most 20, each 1 to 50 characters).",
                    nullable = true), maxItems = 20, schema = @Schema(example = "gotv", maxLength = 50))
            List<String> tags,
            @Schema(description = "Replaces the contact list.", nullable = true)
            ContactList contactList,
            @Schema(description = "SMS: the first message, at most 1,600 characters.",
                    example = "Polls open at 7am tomorrow!", maxLength = 1600, nullable = true)
            String initialMessage,
            @Schema(description = "VOICE: what callers say, at most 20,000 characters.", maxLength = 20000,
                    example = "Hello, I am calling on behalf of...", nullable = true)
            String script,
            @Schema(description = "When the campaign may start.", example = "2026-12-05T09:00:00Z", nullable = true)
            Instant startAt,
            @Schema(description = "When the campaign ends.", example = "2026-12-20T21:00:00Z", nullable = true)
            Instant endAt,
            @Schema(description = "The IANA time zone of `openHours`.", example = "Europe/Lisbon", nullable = true)
            String timeZone,
            @Schema(description = "The daily window for outbound activity.", nullable = true)
            OpenHours openHours,
            @ArraySchema(arraySchema = @Schema(description = "Replaces the area codes (three digits each, no "
                    + "repeats, at "
                    + "most 49).", nullable = true), maxItems = 49, uniqueItems = true,
                    schema = @Schema(example = "415", pattern = "^\\d{3}$"))
            List<String> areaCodes,
            @Schema(description = "`SINGLE_USE` or `REUSABLE`; cleared, it is `SINGLE_USE` again.",
                    example = "REUSABLE", nullable = true)
            PhoneNumberMode phoneNumberMode,
            @Schema(description = "The reusable number, in E.164 form.", example = "+14155550100",
                    pattern = "^\\+?[1-9]\\d{6,14}$", nullable = true)
            String reusableNumber,
            @Schema(description = "Who answers the conversations.", example = "VIRTUAL_ASSISTANT", nullable = true)
            OperatedBy operatedBy,
            @Schema(description = "Whether contacts may also reach the campaign.", example = "INBOUND_AND_OUTBOUND",
                    nullable = true)
            CampaignType type,
            @Schema(description = "The sender id, at most 20 characters.", example = "VOTE2026", maxLength = 20,
                    nullable = true)
            String senderId,
            @ArraySchema(arraySchema = @Schema(description = "Replaces the message variants; the ratios add up to 100.",
                    nullable = true))
            List<Variant> variants,
            @Schema(description = "The 10DLC use case, at most 100 characters.", example = "uc-political-2026",
                    maxLength = 100, nullable = true)
            String useCaseId,
            @Schema(description = "A SCHEDULED campaign's new launch instant, checked like a schedule command's; it "
                    + "cannot be cleared (unschedule the campaign instead).", example = "2026-12-05T08:00:00Z")
            Instant launchAt) {
    }

    @Schema(name = "ContactList", description = "The list of contacts a campaign reaches; only its identity and size "
            + "live in the engine.")
    public record ContactList(
            @Schema(description = "The list's id in the contacts service.", example = "list-7781",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String id,
            @Schema(description = "The list's name, as pages show it.", example = "Volunteers")
            String name,
            @Schema(description = "How many contacts it holds; 1 or more to launch.", example = "1200", minimum = "0")
            int size) {
    }

    @Schema(name = "OpenHours", description = "A daily window in the campaign's `timeZone`: `from` inclusive, `to` "
            + "exclusive, `from` before `to`.")
    public record OpenHours(
            @Schema(description = "Opening time, HH:mm.", example = "09:00", pattern = "^\\d{2}:\\d{2}$",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String from,
            @Schema(description = "Closing time, HH:mm.", example = "21:00", pattern = "^\\d{2}:\\d{2}$",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String to) {
    }

    @Schema(name = "Variant", description = "One version of the initial message and the percentage of contacts "
            + "that receive it.")
    public record Variant(
            @Schema(description = "The message, 1 to 1,600 characters.", example = "Polls open at 7am!",
                    maxLength = 1600, requiredMode = Schema.RequiredMode.REQUIRED)
            String message,
            @Schema(description = "The share of contacts, a percentage from 1 to 100.", example = "50", minimum = "1",
                    maximum = "100")
            int ratio) {
    }

    @Schema(name = "PhoneNumber", description = "A number attached to a campaign.")
    public record PhoneNumber(
            @Schema(description = "The number, in E.164 form.", example = "+12125550142")
            String number,
            @Schema(description = "The area code it was bought for; null for a reusable number.", example = "212")
            String areaCode,
            @Schema(description = "Single-use (bought at launch, released at archive) or reusable.",
                    example = "SINGLE_USE")
            PhoneNumberMode mode) {
    }
}
