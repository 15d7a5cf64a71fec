package org.campaignengine.projections.statusindex;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.campaignengine.domain.campaign.CampaignStatus;
import org.campaignengine.domain.campaign.Stage;

/**
 * The tabs of the index pages (the lifecycle rules' read models): one per {@link Stage} a page lists on
 * its own, and All for every current stage. Which status is at which stage is the lifecycle's answer,
 * not the tab's.
 */
public enum IndexTab {
    ACTIVE(Stage.ACTIVE),
    SCHEDULED(Stage.SCHEDULED),
    DRAFT(Stage.DRAFT),
    PAUSED(Stage.PAUSED),
    ARCHIVED(Stage.ARCHIVED),
    ALL(Arrays.stream(Stage.values()).filter(Stage::current).toArray(Stage[]::new));

    private final Set<CampaignStatus> statuses;

    IndexTab(Stage... stages) {
        Set<CampaignStatus> listed = EnumSet.noneOf(CampaignStatus.class);
        for (Stage stage : stages) {
            listed.addAll(stage.statuses());
        }
        this.statuses = Collections.unmodifiableSet(listed);
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
