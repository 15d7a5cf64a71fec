package org.campaignengine.domain.campaign;

import static org.campaignengine.domain.campaign.CampaignFixtures.*;
import static org.campaignengine.domain.campaign.RuleMatchers.conflict;

import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.campaignengine.domain.campaign.CampaignCommand.ArchiveCampaign;
import org.campaignengine.domain.campaign.CampaignCommand.DeleteCampaign;
import org.campaignengine.domain.campaign.CampaignEvent.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ArchiveAndDeleteTest {

    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = campaignFixture();
    }

    @Test
    void archive_of_a_draft_archives_it_with_nothing_to_release() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.DRAFT)
                .when(new ArchiveCampaign(CAMPAIGN))
                .expectEvents(new Archived(ID, ArchiveReason.MANUAL, List.of(), null))
                .expectResultMessagePayload(new CommandOutcome(ID, CampaignStatus.ARCHIVED, 1));
    }

    @Test
    void archive_of_active_campaign_stops_it_first() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.ACTIVE)
                .when(new ArchiveCampaign(CAMPAIGN))
                .expectEvents(new Stopped(ID, Channel.SMS), new Archived(ID, ArchiveReason.MANUAL, NUMBERS, USE_CASE))
                .expectResultMessagePayload(new CommandOutcome(ID, CampaignStatus.ARCHIVED, 4));
    }

    @ParameterizedTest
    @EnumSource(value = CampaignStatus.class, names = {"PAUSED", "SUSPENDED"})
    void archive_of_a_paused_or_suspended_campaign_stops_it_first(CampaignStatus status) {
        givenCampaign(fixture, Channel.VOICE, status)
                .when(new ArchiveCampaign(CAMPAIGN))
                .expectEvents(new Stopped(ID, Channel.VOICE),
                        new Archived(ID, ArchiveReason.MANUAL, NUMBERS, USE_CASE));
    }

    @ParameterizedTest
    @EnumSource(value = CampaignStatus.class, names = {"STOPPED", "ERRORED", "COMPLETED"})
    void archive_of_a_finished_campaign_releases_its_numbers_without_stopping_it(CampaignStatus status) {
        givenCampaign(fixture, Channel.VOICE, status)
                .when(new ArchiveCampaign(CAMPAIGN))
                .expectEvents(new Archived(ID, ArchiveReason.MANUAL, NUMBERS, USE_CASE));
    }

    @Test
    void archive_of_a_rejected_campaign_is_allowed() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.REJECTED)
                .when(new ArchiveCampaign(CAMPAIGN))
                .expectEvents(new Archived(ID, ArchiveReason.MANUAL, List.of(), null));
    }

    @Test
    void archive_releases_single_use_numbers_and_leaves_a_reusable_number_with_its_owner() {
        PhoneNumber reusable = new PhoneNumber("+16175550123", null, PhoneNumberMode.REUSABLE);
        PhoneNumber single = NUMBERS.get(0);
        fixture.givenCurrentTime(NOW)
                .andGiven(created(Channel.SMS), launchRequested(Channel.SMS),
                        new Launched(ID, LAUNCH_ID, List.of(reusable, single), USE_CASE), new Completed(ID, false))
                .when(new ArchiveCampaign(CAMPAIGN))
                .expectEvents(new Archived(ID, ArchiveReason.MANUAL, List.of(single), USE_CASE));
    }

    @Test
    void archive_is_irreversible() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.ARCHIVED)
                .when(new ArchiveCampaign(CAMPAIGN))
                .expectException(conflict(CampaignStatus.ARCHIVED, "clone", "tag"))
                .expectNoEvents();
    }

    @Test
    void archive_of_a_scheduled_campaign_is_refused() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.SCHEDULED)
                .when(new ArchiveCampaign(CAMPAIGN))
                .expectException(conflict(CampaignStatus.SCHEDULED, "update", "unschedule", "stop", "clone", "tag"));
    }

    @Test
    void delete_of_a_draft_leaves_a_tombstone() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.DRAFT)
                .when(new DeleteCampaign(CAMPAIGN))
                .expectEvents(new Deleted(ID))
                .expectResultMessagePayload(new CommandOutcome(ID, CampaignStatus.DELETED, 1));
    }

    @Test
    void delete_of_a_launched_campaign_is_refused_so_its_data_is_kept() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.COMPLETED)
                .when(new DeleteCampaign(CAMPAIGN))
                .expectException(conflict(CampaignStatus.COMPLETED, "archive", "clone", "tag"))
                .expectNoEvents();
    }

    @Test
    void delete_of_a_deleted_campaign_is_refused_with_no_action_left() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.DELETED)
                .when(new DeleteCampaign(CAMPAIGN))
                .expectException(conflict(CampaignStatus.DELETED));
    }
}
