package org.campaignengine.projections.statusindex;

import static org.campaignengine.domain.campaign.CampaignStatus.*;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.campaignengine.domain.campaign.CampaignStatus;

/**
 * Where a campaign's row is filed: the {@code shelf} column. Every status is on exactly one shelf, and a
 * tab is one shelf or, for All, five; so with an index on (shelf, sort column, row key) a tab's page is the
 * first rows of one index range per shelf and the database never sorts a whole tab. STOPPED, ERRORED
 * and COMPLETED are {@link #ENDED}, listed only under All; deleted drafts have a shelf no tab lists.
 */
enum Shelf {
    ACTIVE(1, LAUNCHING, CampaignStatus.ACTIVE),
    SCHEDULED(2, CampaignStatus.SCHEDULED),
    DRAFT(3, CampaignStatus.DRAFT, REJECTED),
    PAUSED(4, CampaignStatus.PAUSED, SUSPENDED),
    ENDED(5, STOPPED, ERRORED, COMPLETED),
    ARCHIVED(6, CampaignStatus.ARCHIVED),
    DELETED(7, CampaignStatus.DELETED);

    private final short code;
    private final Set<CampaignStatus> statuses;

    Shelf(int code, CampaignStatus... statuses) {
        this.code = (short) code;
        this.statuses = EnumSet.copyOf(Arrays.asList(statuses));
    }

    /** The value of the {@code shelf} column; V18 writes the same numbers for rows indexed before it. */
    short code() {
        return code;
    }

    static Shelf of(CampaignStatus status) {
        return Arrays.stream(values()).filter(shelf -> shelf.statuses.contains(status)).findFirst()
                .orElseThrow(() -> new IllegalStateException(status + " is on no shelf"));
    }
}
