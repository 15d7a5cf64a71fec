package org.campaignengine.domain.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.domain.campaign.CampaignFixtures.*;
import static org.campaignengine.domain.campaign.CampaignStatus.*;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.campaignengine.domain.campaign.CampaignCommand.PauseCampaign;
import org.campaignengine.domain.campaign.CampaignCommand.ResumeCampaign;
import org.campaignengine.domain.campaign.CampaignEvent.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A campaign's past reads the same after a row of the transition table changes where it leads: the
 * aggregate, state as of and every other reader take the status from what each stored event meant.
 */
class StoredHistoryOutlivesTheTableTest {

    static Stream<Transition> everyRow() {
        return Arrays.stream(Transition.values());
    }

    @ParameterizedTest(name = "{0} leading elsewhere")
    @MethodSource("everyRow")
    void every_stored_history_reads_as_before_when_a_row_leads_elsewhere(Transition row) {
        CampaignStatus elsewhere = row.target(DRAFT) == DELETED ? ERRORED : DELETED;
        try (RetargetedRow changed = RetargetedRow.retarget(row, elsewhere)) {
            for (Channel channel : Channel.values()) {
                for (CampaignStatus status : CampaignStatus.values()) {
                    if (reachable(channel, status)) {
                        assertThat(replayed(history(channel, status)).status())
                                .as("the %s history that led to %s", channel, status).isEqualTo(status);
                    }
                }
            }
        }
    }

    @Test
    void a_launch_confirmed_under_the_old_rules_is_still_active_and_can_be_paused() {
        try (RetargetedRow changed = RetargetedRow.retarget(Transition.CONFIRM_LAUNCH, PAUSED)) {
            givenCampaign(campaignFixture(), Channel.SMS, ACTIVE)
                    .when(new PauseCampaign(CAMPAIGN))
                    .expectEvents(new Paused(ID))
                    .expectResultMessagePayload(new CommandOutcome(ID, PAUSED, 3));
        }
    }

    @Test
    void a_campaign_paused_under_the_old_rules_is_still_paused_and_can_be_resumed() {
        try (RetargetedRow changed = RetargetedRow.retarget(Transition.PAUSE, STOPPED)) {
            givenCampaign(campaignFixture(), Channel.SMS, PAUSED)
                    .when(new ResumeCampaign(CAMPAIGN))
                    .expectEvents(new Resumed(ID, null))
                    .expectResultMessagePayload(new CommandOutcome(ID, ACTIVE, 4));
        }
    }

    @Test
    void state_as_of_reads_each_step_as_it_was_written() {
        List<CampaignEvent> events = List.of(created(Channel.VOICE), launchRequested(Channel.VOICE), launched(),
                new Suspended(ID, SUSPENSION), new Stopped(ID, Channel.VOICE),
                new Archived(ID, ArchiveReason.MANUAL, NUMBERS, USE_CASE));
        List<CampaignStatus> expected = List.of(DRAFT, LAUNCHING, ACTIVE, SUSPENDED, STOPPED, ARCHIVED);
        try (RetargetedRow suspend = RetargetedRow.retarget(Transition.SUSPEND, PAUSED);
             RetargetedRow stop = RetargetedRow.retarget(Transition.STOP, COMPLETED)) {
            PastCampaign.Replay replay = new PastCampaign.Replay();
            for (int seq = 0; seq < events.size(); seq++) {
                replay.apply(events.get(seq), seq, NOW.plus(Duration.ofMinutes(seq)));
                assertThat(replay.at(NOW, TimeRules.defaults()).status()).as("after event %d", seq)
                        .isEqualTo(expected.get(seq));
            }
        }
    }

    private static PastCampaign replayed(List<CampaignEvent> events) {
        PastCampaign.Replay replay = new PastCampaign.Replay();
        for (int seq = 0; seq < events.size(); seq++) {
            replay.apply(events.get(seq), seq, NOW);
        }
        return replay.at(NOW, TimeRules.defaults());
    }
}
