package org.campaignengine.api.readmodels.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.CampaignStatus;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.domain.campaign.ContactList;
import org.campaignengine.projections.statusindex.CampaignRow;
import org.campaignengine.projections.statusindex.DisplayProfile;
import org.campaignengine.projections.statusindex.Figures;
import org.junit.jupiter.api.Test;

/** The row as a page shows it, read at a fixed instant from an injected clock. */
class IndexRowTest {

    static final Instant NOW = Instant.parse("2026-08-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void the_auto_archive_date_and_days_left_show_only_while_warned_with_days_rounded_up() {
        Instant archiveAt = NOW.plus(Duration.ofHours(30));
        assertThat(IndexRow.of(row(archiveAt, false), CLOCK, DisplayProfile.THRUTALK).autoArchiveAt()).isNull();
        assertThat(IndexRow.of(row(archiveAt, false), CLOCK, DisplayProfile.THRUTALK).autoArchiveInDays()).isNull();

        IndexRow warned = IndexRow.of(row(archiveAt, true), CLOCK, DisplayProfile.THRUTALK);
        assertThat(warned.autoArchiveAt()).isEqualTo(archiveAt);
        assertThat(warned.autoArchiveInDays()).isEqualTo(2);
        assertThat(IndexRow.daysLeft(NOW, NOW.plus(Duration.ofDays(7)))).isEqualTo(7);
        assertThat(IndexRow.daysLeft(NOW, NOW.plusMillis(1))).isEqualTo(1);
        assertThat(IndexRow.daysLeft(NOW, NOW)).isZero();
        assertThat(IndexRow.daysLeft(NOW, NOW.minus(Duration.ofHours(1)))).as("overdue, not yet archived").isZero();
    }

    @Test
    void figures_and_the_products_word_fill_the_row() {
        IndexRow shown = IndexRow.of(row(null, false), CLOCK, DisplayProfile.THRUTALK);
        assertThat(shown.displayStatus()).isEqualTo("Active");
        assertThat(shown.recipients()).isEqualTo(new IndexRow.Recipients(40, 100));
        assertThat(shown.clickThroughRate()).isEqualTo(0.1);
        assertThat(shown.costMicros()).isEqualTo(9_000);
        assertThat(shown.callersLoggedIn()).isEqualTo(3);
        assertThat(shown.dialsRemaining()).isEqualTo(75);
        assertThat(IndexRow.of(row(null, false), CLOCK, DisplayProfile.STATUS_GUIDE).displayStatus())
                .isEqualTo("Running");
    }

    private static CampaignRow row(Instant archiveAt, boolean warned) {
        CampaignSettings settings = CampaignSettings.builder().name("Calls").office("north")
                .contactList(new ContactList("list", "Members", 100)).build();
        Figures figures = new Figures(100, 40, 25, 50, 5, 9_000, 3);
        return new CampaignRow("id-1", Channel.VOICE, CampaignStatus.ACTIVE, settings, List.of(), NOW, NOW, NOW, null,
                null, null, null, null, null, archiveAt, warned, figures, null, 7);
    }
}
