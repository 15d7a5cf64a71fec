package org.campaignengine.projections.statusindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.campaignengine.domain.campaign.CampaignStatus;
import org.junit.jupiter.api.Test;

/**
 * the lifecycle rules' statuses written out again, one line per status and one column per product: the word shown, or
 * the canonical status in title case where the product has none ("–" or an action in parentheses).
 */
class DisplayProfileTest {

    private static final List<String> PROFILES = List.of("thrutext", "thrutalk", "two-way", "bulk-sms",
            "status-guide");

    private static final String[][] TABLE = {
            {"DRAFT", "Draft", "Draft", "Draft", "Draft", "Defined"},
            {"SCHEDULED", "Scheduled", "Scheduled", "Scheduled", "Scheduled", "Scheduled"},
            {"LAUNCHING", "Launching", "Launching", "Launching", "Processing", "Launching"},
            {"REJECTED", "Rejected", "Rejected", "Rejected", "Rejected", "Rejected"},
            {"ACTIVE", "Active", "Active", "Active", "Started", "Running"},
            {"PAUSED", "Paused", "Paused", "Paused", "Paused", "Paused"},
            {"SUSPENDED", "Suspended", "Suspended", "Suspended", "Suspended", "Suspended"},
            {"STOPPED", "Stopped", "Stopped", "Stopped", "Aborted", "Stopped"},
            {"ERRORED", "Errored", "Errored", "Errored", "Errored", "Errored"},
            {"COMPLETED", "Completed", "Completed", "Completed", "Finished", "Completed"},
            {"ARCHIVED", "Archived", "Archived", "Archived", "Archived", "Archived"},
            {"DELETED", "Deleted", "Deleted", "Deleted", "Deleted", "Deleted"}};

    @Test
    void every_profile_shows_its_products_word_for_every_status_or_the_canonical_one() {
        assertThat(Arrays.stream(TABLE).map(line -> line[0]).toList())
                .containsExactlyElementsOf(Arrays.stream(CampaignStatus.values()).map(Enum::name).toList());
        for (String[] line : TABLE) {
            CampaignStatus status = CampaignStatus.valueOf(line[0]);
            for (int p = 0; p < PROFILES.size(); p++) {
                DisplayProfile profile = DisplayProfile.byApiName(PROFILES.get(p)).orElseThrow();
                assertThat(profile.word(status)).as(PROFILES.get(p) + " " + status).isEqualTo(line[p + 1]);
            }
        }
    }

    @Test
    void profiles_are_found_only_by_their_exact_api_names() {
        assertThat(Arrays.stream(DisplayProfile.values()).map(DisplayProfile::apiName).toList())
                .containsExactlyElementsOf(PROFILES);
        assertThat(DisplayProfile.byApiName("ThruText")).isEmpty();
        assertThat(DisplayProfile.byApiName("canonical")).isEmpty();
    }
}
