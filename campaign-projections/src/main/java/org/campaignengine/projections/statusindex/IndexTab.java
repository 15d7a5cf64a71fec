package org.campaignengine.projections.statusindex;

import static org.campaignengine.domain.campaign.CampaignStatus.*;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.campaignengine.domain.campaign.CampaignStatus;

/**
 * The tabs of the index pages (the lifecycle rules' read models). A launch in progress shows as active; a rejected
 * campaign is a draft to fix; a suspended one sits with the paused. STOPPED, ERRORED and COMPLETED
 * appear under All only. DELETED appears nowhere.
 */
public enum IndexTab {
    ACTIVE(EnumSet.of(LAUNCHING, CampaignStatus.ACTIVE)),
    SCHEDULED(EnumSet.of(CampaignStatus.SCHEDULED)),
    DRAFT(EnumSet.of(CampaignStatus.DRAFT, REJECTED)),
    PAUSED(EnumSet.of(CampaignStatus.PAUSED, SUSPENDED)),
    ARCHIVED(EnumSet.of(CampaignStatus.ARCHIVED)),
    ALL(EnumSet.complementOf(EnumSet.of(CampaignStatus.ARCHIVED, DELETED)));

    private final Set<CampaignStatus> statuses;

    IndexTab(Set<CampaignStatus> statuses) {
        this.statuses = statuses;
    }

    public Set<CampaignStatus> statuses() {
        return statuses;
    }

    /** The shelves this tab lists, in a fixed order. */
    List<Shelf> shelves() {
        return statuses.stream().map(Shelf::of).distinct().sorted().toList();
    }

    public String apiName() {
        return name().toLowerCase();
    }

    public static Optional<IndexTab> byApiName(String name) {
        return Arrays.stream(values()).filter(t -> t.apiName().equals(name)).findFirst();
    }
}
