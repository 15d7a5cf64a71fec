package org.campaignengine.api.readmodels.index;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.CampaignStatus;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.domain.campaign.ContactList;
import org.campaignengine.domain.campaign.OperatedBy;
import org.campaignengine.domain.campaign.PhoneNumber;
import org.campaignengine.projections.statusindex.CampaignRow;
import org.campaignengine.projections.statusindex.DisplayProfile;
import org.campaignengine.projections.statusindex.Figures;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A campaign as the index pages list it (HTTP API, Index row fields). {@code displayStatus} is the chosen
 * product's word for the status. {@code autoArchiveAt} and {@code autoArchiveInDays} are set only while the
 * auto-archive warning is on, the days counted up from now (a campaign archived in 30 hours has 2 days
 * left), so a page never says 0 days for a campaign that is still there tomorrow.
 */
@Schema(description = "A campaign as the index pages list it.")
public record IndexRow(
        @Schema(description = "The campaign's id.", example = "3f8e0c1a-5d7b-4f6e-9a2b-1c3d4e5f6a7b") String id,
        @Schema(description = "Its name.", example = "Saturday canvass") String name,
        @Schema(description = "How it reaches contacts.", example = "SMS") Channel channel,
        @Schema(description = "Its status in the lifecycle.", example = "ACTIVE") CampaignStatus status,
        @Schema(description = "The status in the words of the display profile asked for (`profile`).",
                example = "Active") String displayStatus,
        @Schema(description = "Its office.", example = "lisbon") String office,
        @Schema(description = "The numbers it sends from: bought at launch (single-use) or its reusable number.")
        List<PhoneNumber> phoneNumbers,
        @Schema(description = "The list of contacts it reaches.", nullable = true) ContactList contactList,
        @Schema(description = "Who answers its conversations.", example = "AGENT", nullable = true)
        OperatedBy operatedBy,
        @Schema(description = "Its tags.", example = "[\"gotv\"]") List<String> tags,
        @Schema(description = "When it was created.", example = "2026-12-01T09:00:00Z") Instant createdAt,
        @Schema(description = "When it last changed.", example = "2026-12-05T08:00:02Z") Instant updatedAt,
        @Schema(description = "When it first went ACTIVE; null before.", example = "2026-12-05T08:00:02Z",
                nullable = true) Instant launchedAt,
        @Schema(description = "Its `startAt` setting.", example = "2026-12-05T09:00:00Z", nullable = true)
        Instant startAt,
        @Schema(description = "Its `endAt` setting.", example = "2026-12-20T21:00:00Z", nullable = true)
        Instant endAt,
        @Schema(description = "The scheduled launch; null unless SCHEDULED.", example = "2026-12-05T08:00:00Z",
                nullable = true) Instant launchAt,
        @Schema(description = "VOICE: callers logged in now.", example = "8") int callersLoggedIn,
        @Schema(description = "VOICE: contacts of the list not yet dialed; null for SMS.", example = "560",
                nullable = true) Long dialsRemaining,
        @Schema(description = "Distinct contacts messaged out of the contact list's size.") Recipients recipients,
        @Schema(description = "Link clicks per messaged contact (may exceed 1).", example = "0.08")
        double clickThroughRate,
        @Schema(description = "What it cost so far, in millionths of the currency unit.", example = "1250000")
        long costMicros,
        @Schema(description = "When it will be archived for inactivity; set only while that warning is on.",
                example = "2026-12-12T08:00:00Z", nullable = true) Instant autoArchiveAt,
        @Schema(description = "Days left before that archive, counted up (30 hours is 2 days); set only while the "
                + "warning is on.", example = "2", nullable = true) Long autoArchiveInDays,
        @Schema(description = "Why it was archived (MANUAL or AUTO_INACTIVITY); null unless ARCHIVED.",
                example = "MANUAL", nullable = true) String archiveReason,
        @Schema(description = "Why it is suspended; null unless SUSPENDED.", example = "Carrier flagged the sender id",
                nullable = true) String suspendedReason,
        @Schema(description = "The error the calling service reported; null unless ERRORED.", nullable = true)
        Error error,
        @Schema(description = "Why the campaign is where it is, when there is a reason: the last launch failure while "
                + "back in DRAFT, the content check's rejection naming the term, the suspension, the error.",
                example = "the initial message contains a denied term: 'forbiddenword'", nullable = true)
        String statusReason,
        @Schema(description = "The campaign it was cloned from; null if none.", nullable = true,
                example = "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d") String clonedFrom,
        @Schema(description = "Its version: its last event's sequence number.", example = "5") long version) {

    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    @Schema(name = "CampaignError", description = "The failure a calling service reported.")
    record Error(
            @Schema(description = "The failure's code.", example = "DIALER_DOWN") String code,
            @Schema(description = "What happened.", example = "The dialer stopped answering") String message) {
    }

    /** Distinct contacts messaged out of the contact list's size. */
    @Schema(name = "Recipients", description = "Distinct contacts messaged out of the contact list's size.")
    record Recipients(
            @Schema(description = "Contacts messaged.", example = "980") long sent,
            @Schema(description = "The contact list's size.", example = "1200") int total) {
    }

    public static IndexRow of(CampaignRow row, Clock clock, DisplayProfile profile) {
        CampaignSettings s = row.settings();
        Figures f = row.figures();
        boolean warned = row.autoArchiveWarned() && row.autoArchiveAt() != null;
        Error error = row.errorCode() == null ? null : new Error(row.errorCode(), row.errorMessage());
        return new IndexRow(row.id(), s.name(), row.channel(), row.status(), profile.word(row.status()), s.office(),
                row.phoneNumbers(), s.contactList(), s.operatedBy(), s.tags(), row.createdAt(), row.updatedAt(),
                row.launchedAt(), s.startAt(), s.endAt(), row.launchAt(), f.callersLoggedIn(),
                f.dialsRemaining(row.channel()), new Recipients(f.contactsMessaged(), f.contactsTotal()),
                f.clickThroughRate(), f.costMicros(), warned ? row.autoArchiveAt() : null,
                warned ? daysLeft(clock.instant(), row.autoArchiveAt()) : null, row.archiveReason(),
                row.suspendedReason(), error, row.statusReason(), row.clonedFrom(), row.version());
    }

    static long daysLeft(Instant now, Instant archiveAt) {
        long millis = Duration.between(now, archiveAt).toMillis();
        return millis <= 0 ? 0 : (millis + DAY_MILLIS - 1) / DAY_MILLIS;
    }
}
