package org.campaignengine.domain.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.campaignengine.domain.campaign.CampaignFixtures.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.campaignengine.domain.campaign.CampaignEvent.*;
import org.junit.jupiter.api.Test;

/**
 * State as of (the lifecycle rules' history and audit): folding a prefix of a campaign's stream gives what the aggregate held
 * then, and the transition table answers what it allowed at that moment.
 */
class PastCampaignTest {

    private final TimeRules rules = TimeRules.defaults();

    @Test
    void each_step_of_a_lifecycle_shows_the_status_and_actions_of_that_moment() {
        List<CampaignEvent> events = List.of(created(Channel.SMS), launchRequested(Channel.SMS), launched(),
                new Paused(ID), new Resumed(ID, null), new Completed(ID, false),
                new Archived(ID, ArchiveReason.MANUAL, NUMBERS, USE_CASE));
        List<CampaignStatus> expected = List.of(CampaignStatus.DRAFT, CampaignStatus.LAUNCHING, CampaignStatus.ACTIVE,
                CampaignStatus.PAUSED, CampaignStatus.ACTIVE, CampaignStatus.COMPLETED, CampaignStatus.ARCHIVED);
        PastCampaign.Replay replay = new PastCampaign.Replay();
        for (int seq = 0; seq < events.size(); seq++) {
            Instant at = NOW.plus(Duration.ofMinutes(seq));
            replay.apply(events.get(seq), seq, at);
            PastCampaign past = replay.at(at, rules);
            assertThat(past.status()).as("after event %d", seq).isEqualTo(expected.get(seq));
            assertThat(past.version()).isEqualTo(seq);
            assertThat(past.allowedActions()).as("after event %d", seq).isEqualTo(Transition.allowedActions(
                    Situation.of(past.status(), Channel.SMS, past.settings(), past.launchAt(), seq >= 2, at, rules)));
        }
    }

    @Test
    void a_paused_campaign_offers_resume_and_shows_the_numbers_it_held() {
        PastCampaign.Replay replay = replayOf(created(Channel.SMS), launchRequested(Channel.SMS), launched(),
                new Paused(ID));
        PastCampaign past = replay.at(NOW, rules);
        assertThat(past.allowedActions()).contains("resume").doesNotContain("launch", "pause");
        assertThat(past.phoneNumbers()).isEqualTo(NUMBERS);
        assertThat(past.settings()).isEqualTo(launchReady(Channel.SMS));
        assertThat(past.createdAt()).isEqualTo(NOW);
    }

    @Test
    void a_draft_lacking_its_message_is_not_launchable_and_names_what_is_missing() {
        CampaignSettings bare = CampaignSettings.builder().name("Bare draft").build();
        PastCampaign past = replayOf(created(Channel.SMS, bare)).at(NOW, rules);
        assertThat(past.launchable()).isFalse();
        assertThat(past.missing()).contains("initialMessage");
        assertThat(past.allowedActions()).contains("update", "delete");
    }

    @Test
    void a_settings_edit_is_seen_only_from_its_version_on() {
        CampaignSettings renamed = launchReady(Channel.SMS).toBuilder().name("Renamed").build();
        PastCampaign.Replay replay = replayOf(created(Channel.SMS));
        String before = replay.at(NOW, rules).settings().name();
        replay.apply(new SettingsUpdated(ID, renamed, List.of("name"), null, false), 1, NOW);
        assertThat(before).isEqualTo(launchReady(Channel.SMS).name());
        assertThat(replay.at(NOW, rules).settings().name()).isEqualTo("Renamed");
    }

    @Test
    void before_its_first_event_a_campaign_did_not_exist() {
        PastCampaign.Replay replay = new PastCampaign.Replay();
        assertThat(replay.exists()).isFalse();
        assertThatThrownBy(() -> replay.at(NOW, rules)).isInstanceOf(IllegalStateException.class);
    }

    private static PastCampaign.Replay replayOf(CampaignEvent... events) {
        PastCampaign.Replay replay = new PastCampaign.Replay();
        for (int seq = 0; seq < events.length; seq++) {
            replay.apply(events[seq], seq, NOW);
        }
        return replay;
    }
}
