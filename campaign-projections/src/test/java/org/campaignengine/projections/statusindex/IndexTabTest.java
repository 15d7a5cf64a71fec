package org.campaignengine.projections.statusindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.domain.campaign.CampaignStatus.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.campaignengine.domain.campaign.CampaignStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The tabs of the lifecycle rules' status index, copied by hand, against what the lifecycle's stages give. */
class IndexTabTest {

    private static final Map<IndexTab, Set<CampaignStatus>> SPEC = Map.of(
            IndexTab.ACTIVE, EnumSet.of(LAUNCHING, ACTIVE),
            IndexTab.SCHEDULED, EnumSet.of(SCHEDULED),
            IndexTab.DRAFT, EnumSet.of(DRAFT, REJECTED),
            IndexTab.PAUSED, EnumSet.of(PAUSED, SUSPENDED),
            IndexTab.ARCHIVED, EnumSet.of(ARCHIVED),
            IndexTab.ALL, EnumSet.complementOf(EnumSet.of(ARCHIVED, DELETED)));

    @Test
    void each_tab_lists_the_statuses_the_spec_gives_it() {
        SPEC.forEach((tab, statuses) -> assertThat(tab.statuses()).as(tab.apiName()).isEqualTo(statuses));
    }

    @Test
    void a_deleted_campaign_is_on_no_tab() {
        SPEC.keySet().forEach(tab -> assertThat(tab.statuses()).doesNotContain(DELETED));
    }

    @Test
    void all_lists_five_shelves_and_every_other_tab_one() {
        assertThat(IndexTab.ALL.shelves()).containsExactly(Shelf.ACTIVE, Shelf.SCHEDULED, Shelf.DRAFT, Shelf.PAUSED,
                Shelf.ENDED);
        for (IndexTab tab : EnumSet.complementOf(EnumSet.of(IndexTab.ALL))) {
            assertThat(tab.shelves()).as(tab.apiName()).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CampaignStatus.class)
    void every_status_is_filed_on_the_shelf_of_the_tab_that_lists_it(CampaignStatus status) {
        Shelf shelf = Shelf.of(status);
        SPEC.forEach((tab, statuses) -> assertThat(tab.shelves().contains(shelf)).as(tab.apiName())
                .isEqualTo(statuses.contains(status)));
    }
}
