package org.campaignengine.domain.campaign;

import static org.campaignengine.domain.campaign.CampaignStatus.*;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a status stands in a campaign's life: the one grouping the pages file and tab campaigns by
 * (the lifecycle rules' read models). Every status is at exactly one stage. It belongs with the
 * transition table, next to {@link Transition#running} and {@link Transition#launched}: the read side
 * asks it and keeps no status lists of its own.
 */
public enum Stage {
    /** A launch in progress shows with the live campaigns. */
    ACTIVE(LAUNCHING, CampaignStatus.ACTIVE),
    SCHEDULED(CampaignStatus.SCHEDULED),
    /** A rejected campaign is a draft to fix. */
    DRAFT(CampaignStatus.DRAFT, REJECTED),
    /** Paused by a person or suspended by the system. */
    PAUSED(CampaignStatus.PAUSED, SUSPENDED),
    /** Ended before or after its activity was done; listed only with every current campaign. */
    ENDED(STOPPED, ERRORED, COMPLETED),
    ARCHIVED(CampaignStatus.ARCHIVED),
    /** A deleted draft: shown nowhere. */
    DELETED(CampaignStatus.DELETED);

    private final Set<CampaignStatus> statuses;

    Stage(CampaignStatus... statuses) {
        this.statuses = Collections.unmodifiableSet(EnumSet.copyOf(Arrays.asList(statuses)));
    }

    public Set<CampaignStatus> statuses() {
        return statuses;
    }

    /** Neither archived nor deleted: what the pages list when no stage is chosen. */
    public boolean current() {
        return this != ARCHIVED && this != DELETED;
    }

    /** Shown on any page or stream: every stage but a deleted draft's. */
    public boolean shown() {
        return this != DELETED;
    }

    public static Stage of(CampaignStatus status) {
        return Arrays.stream(values()).filter(stage -> stage.statuses.contains(status)).findFirst()
                .orElseThrow(() -> new IllegalStateException(status + " is at no stage"));
    }
}
