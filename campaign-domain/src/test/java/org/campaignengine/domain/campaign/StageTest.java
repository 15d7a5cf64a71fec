package org.campaignengine.domain.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.domain.campaign.CampaignStatus.*;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The stages of the lifecycle rules' read models, copied by hand: which statuses the pages group together. */
class StageTest {

    private static final Map<Stage, Set<CampaignStatus>> SPEC = Map.of(
            Stage.ACTIVE, EnumSet.of(LAUNCHING, ACTIVE),
            Stage.SCHEDULED, EnumSet.of(SCHEDULED),
            Stage.DRAFT, EnumSet.of(DRAFT, REJECTED),
            Stage.PAUSED, EnumSet.of(PAUSED, SUSPENDED),
            Stage.ENDED, EnumSet.of(STOPPED, ERRORED, COMPLETED),
            Stage.ARCHIVED, EnumSet.of(ARCHIVED),
            Stage.DELETED, EnumSet.of(DELETED));

    @ParameterizedTest(name = "{0}")
    @EnumSource(CampaignStatus.class)
    void every_status_is_at_exactly_the_stage_the_pages_group_it_under(CampaignStatus status) {
        assertThat(Arrays.stream(Stage.values()).filter(stage -> stage.statuses().contains(status)))
                .containsExactly(Stage.of(status));
        assertThat(SPEC.get(Stage.of(status))).contains(status);
    }

    @Test
    void each_stage_holds_the_statuses_of_the_spec() {
        SPEC.forEach((stage, statuses) -> assertThat(stage.statuses()).as(stage.name()).isEqualTo(statuses));
    }

    @Test
    void only_archived_and_deleted_campaigns_are_not_current() {
        assertThat(Arrays.stream(Stage.values()).filter(stage -> !stage.current()))
                .containsExactlyInAnyOrder(Stage.ARCHIVED, Stage.DELETED);
    }
}
