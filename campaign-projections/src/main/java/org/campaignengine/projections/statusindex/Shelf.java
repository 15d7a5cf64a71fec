package org.campaignengine.projections.statusindex;

import static org.campaignengine.domain.campaign.CampaignStatus.*;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.campaignengine.domain.campaign.CampaignStatus;

/**
 * Where a campaign's row is filed: the {@code tab} column. Every status is on exactly one shelf, and a
 * tab is one shelf or, for All, five; so with an index on (tab, sort column, id) a tab's page is the
 * first rows of one index range per shelf and the database never sorts a whole tab. STOPPED, ERRORED
 * and COMPLETED are {@link #ENDED}, listed only under All; deleted drafts have a shelf no tab lists.
 */
enum Shelf {
    ACTIVE(LAUNCHING, CampaignStatus.ACTIVE),
    SCHEDULED(CampaignStatus.SCHEDULED),
    DRAFT(CampaignStatus.DRAFT, REJECTED),
    PAUSED(CampaignStatus.PAUSED, SUSPENDED),
    ENDED(STOPPED, ERRORED, COMPLETED),
    ARCHIVED(CampaignStatus.ARCHIVED),
    DELETED(CampaignStatus.DELETED);

    private final Set<CampaignStatus> statuses;

    Shelf(CampaignStatus... statuses) {
        this.statuses = EnumSet.copyOf(Arrays.asList(statuses));
    }

    /** The value of the {@code tab} column; V11 writes the same words for rows indexed before it. */
    String key() {
        return name().toLowerCase();
    }

    static Shelf of(CampaignStatus status) {
        return Arrays.stream(values()).filter(shelf -> shelf.statuses.contains(status)).findFirst()
                .orElseThrow(() -> new IllegalStateException(status + " is on no shelf"));
    }
}
