package org.campaignengine.projections.statusindex;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.campaignengine.domain.campaign.CampaignEvent;
import org.campaignengine.domain.campaign.CampaignEvent.*;
import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.CampaignStatus;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.domain.campaign.RetargetedRow;
import org.campaignengine.domain.campaign.Transition;
import org.campaignengine.projections.ProjectionDatabase;
import org.junit.jupiter.api.Test;

/**
 * The index files each stored event under the status it meant when it was written, whatever today's
 * transition table says the action leads to: a rebuild after the rules change shows the same past.
 */
class StatusMovesHistoryTest extends StatusIndexTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final CampaignSettings SETTINGS = CampaignSettings.builder().name("Spring sale").build();

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.h2();
    }

    @Test
    void every_event_moves_the_row_where_it_meant_to_after_the_rows_lead_elsewhere() {
        String id = UUID.randomUUID().toString();
        List<CampaignEvent> events = List.of(new Created(id, Channel.SMS, SETTINGS, null),
                new LaunchRequested(id, "launch-1", Channel.SMS, SETTINGS, null),
                new Launched(id, "launch-1", List.of(), null), new Paused(id), new Stopped(id, Channel.SMS));
        List<CampaignStatus> meant = List.of(CampaignStatus.DRAFT, CampaignStatus.LAUNCHING, CampaignStatus.ACTIVE,
                CampaignStatus.PAUSED, CampaignStatus.STOPPED);
        var campaign = index.campaign(id, T0);
        try (RetargetedRow create = RetargetedRow.retarget(Transition.CREATE, CampaignStatus.SCHEDULED);
             RetargetedRow confirm = RetargetedRow.retarget(Transition.CONFIRM_LAUNCH, CampaignStatus.COMPLETED);
             RetargetedRow pause = RetargetedRow.retarget(Transition.PAUSE, CampaignStatus.SUSPENDED);
             RetargetedRow stop = RetargetedRow.retarget(Transition.STOP, CampaignStatus.ARCHIVED)) {
            for (int seq = 0; seq < events.size(); seq++) {
                campaign.after(ofMinutes(1)).publish(events.get(seq));
                assertThat(row(id).status()).as("after event %d", seq).isEqualTo(meant.get(seq));
            }
        }
    }

    @Test
    void an_edit_returns_a_rejected_campaign_to_draft_because_it_says_so() {
        String id = UUID.randomUUID().toString();
        var campaign = index.campaign(id, T0);
        campaign.publish(new Created(id, Channel.SMS, SETTINGS, null));
        campaign.publish(new LaunchRequested(id, "launch-1", Channel.SMS, SETTINGS, null));
        campaign.publish(new Rejected(id, "launch-1", "it contains the denied term \"casino\""));
        try (RetargetedRow edit = RetargetedRow.retarget(Transition.EDIT_REJECTED, CampaignStatus.SCHEDULED)) {
            campaign.after(ofMinutes(1)).publish(new SettingsUpdated(id, SETTINGS, List.of("name"), null, true));
        }
        assertThat(row(id).status()).isEqualTo(CampaignStatus.DRAFT);
    }
}
