package org.campaignengine.projections.statusindex;

import java.util.Arrays;

import org.campaignengine.domain.campaign.CampaignStatus;
import org.campaignengine.domain.campaign.Stage;
import org.campaignengine.domain.campaign.Transition;

/**
 * Where a campaign's row is filed: the {@code shelf} column, one per {@link Stage} of the lifecycle. A tab
 * is one shelf or, for All, five; so with an index on (shelf, sort column, row key) a tab's page is the
 * first rows of one index range per shelf and the database never sorts a whole tab.
 */
enum Shelf {
    ACTIVE(1, Stage.ACTIVE),
    SCHEDULED(2, Stage.SCHEDULED),
    DRAFT(3, Stage.DRAFT),
    PAUSED(4, Stage.PAUSED),
    ENDED(5, Stage.ENDED),
    ARCHIVED(6, Stage.ARCHIVED),
    DELETED(7, Stage.DELETED);

    private final short code;
    private final Stage stage;
    private final boolean recordsActivity;

    Shelf(int code, Stage stage) {
        this.code = (short) code;
        this.stage = stage;
        this.recordsActivity = stage.statuses().stream().anyMatch(Transition::launched);
    }

    /** The value of the {@code shelf} column; V18 writes the same numbers for rows indexed before it. */
    short code() {
        return code;
    }

    /**
     * Whether a campaign filed here can have recorded activity: some status of the shelf has been launched
     * (the transition table refuses every activity record before a launch). Not so for drafts, scheduled and
     * deleted campaigns, whose activity figures are all 0.
     */
    boolean recordsActivity() {
        return recordsActivity;
    }

    static Shelf of(CampaignStatus status) {
        Stage stage = Stage.of(status);
        return Arrays.stream(values()).filter(shelf -> shelf.stage == stage).findFirst()
                .orElseThrow(() -> new IllegalStateException(stage + " has no shelf"));
    }
}
