package org.campaignengine.domain.campaign;

import static org.campaignengine.domain.campaign.CampaignFixtures.*;
import static org.campaignengine.domain.campaign.RuleMatchers.conflict;
import static org.campaignengine.domain.campaign.RuleMatchers.fieldConflict;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.campaignengine.domain.campaign.CampaignCommand.UpdateSettings;
import org.campaignengine.domain.campaign.CampaignDeadlines.EndDateDue;
import org.campaignengine.domain.campaign.CampaignEvent.SettingsUpdated;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** the lifecycle rules' editing rules, one row at a time. */
class EditSettingsTest {

    private static final CampaignSettings EDITS = CampaignSettings.builder()
            .name("Autumn canvass")
            .tags(List.of("gotv"))
            .initialMessage("Polls are open until 8pm. Reply STOP to opt out.")
            .script("Remind them the polls are open until 8pm.")
            .startAt(LAUNCH_AT.plus(Duration.ofHours(2)))
            .endAt(NOW.plus(Duration.ofDays(60)))
            .operatedBy(OperatedBy.VIRTUAL_ASSISTANT)
            .build();

    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = campaignFixture();
    }

    private static UpdateSettings edit(SettingField... fields) {
        return new UpdateSettings(CAMPAIGN, EDITS, EnumSet.of(fields[0], fields), null);
    }

    private static CampaignSettings edited(CampaignSettings before, SettingField... fields) {
        CampaignSettings.Builder builder = before.toBuilder();
        for (SettingField field : fields) {
            field.copy(builder, EDITS);
        }
        return builder.build();
    }

    private static List<String> names(SettingField... fields) {
        return EnumSet.of(fields[0], fields).stream().map(SettingField::apiName).toList();
    }

    @Test
    void draft_may_change_everything() {
        SettingField[] all = {SettingField.NAME, SettingField.TAGS, SettingField.INITIAL_MESSAGE,
                SettingField.START_AT, SettingField.END_AT, SettingField.OPERATED_BY};
        givenCampaign(fixture, Channel.SMS, CampaignStatus.DRAFT)
                .when(edit(all))
                .expectEvents(new SettingsUpdated(ID, edited(smsSettings(), all), names(all), null, false))
                .expectResultMessagePayload(new CommandOutcome(ID, CampaignStatus.DRAFT, 1));
    }

    @Test
    void editing_rejected_campaign_returns_it_to_draft() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.REJECTED)
                .when(edit(SettingField.INITIAL_MESSAGE))
                .expectEvents(new SettingsUpdated(ID, edited(smsSettings(), SettingField.INITIAL_MESSAGE),
                        names(SettingField.INITIAL_MESSAGE), null, true))
                .expectResultMessagePayload(new CommandOutcome(ID, CampaignStatus.DRAFT, 3));
    }

    @Test
    void tagging_a_rejected_campaign_keeps_it_rejected_until_its_content_is_edited() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.REJECTED)
                .when(edit(SettingField.TAGS))
                .expectEvents(new SettingsUpdated(ID, edited(smsSettings(), SettingField.TAGS),
                        names(SettingField.TAGS), null, false))
                .expectResultMessagePayload(new CommandOutcome(ID, CampaignStatus.REJECTED, 3));
    }

    @Test
    void scheduled_voice_campaign_outside_the_lock_window_may_change_its_settings() {
        givenCampaign(fixture, Channel.VOICE, CampaignStatus.SCHEDULED)
                .when(edit(SettingField.NAME, SettingField.SCRIPT))
                .expectEvents(new SettingsUpdated(ID, edited(voiceSettings(), SettingField.NAME, SettingField.SCRIPT),
                        names(SettingField.NAME, SettingField.SCRIPT), null, false));
    }

    @Test
    void scheduled_campaign_outside_the_lock_window_may_move_its_launch_time() {
        Instant movedTo = LAUNCH_AT.plus(Duration.ofHours(3));
        givenCampaign(fixture, Channel.SMS, CampaignStatus.SCHEDULED)
                .when(new UpdateSettings(CAMPAIGN, smsSettings(), Set.of(), movedTo))
                .expectEvents(new SettingsUpdated(ID, smsSettings(), List.of(), movedTo, false));
    }

    @Test
    void scheduled_sms_campaign_may_not_change_its_message() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.SCHEDULED)
                .when(edit(SettingField.INITIAL_MESSAGE))
                .expectException(fieldConflict(CampaignStatus.SCHEDULED, "initialMessage"))
                .expectNoEvents();
    }

    @Test
    void scheduled_campaign_within_the_lock_window_may_change_nothing_not_even_tags() {
        givenCampaign(fixture, Channel.VOICE, CampaignStatus.SCHEDULED)
                .andGivenCurrentTime(LAUNCH_AT.minus(Duration.ofMinutes(59)))
                .when(edit(SettingField.TAGS))
                .expectException(fieldConflict(CampaignStatus.SCHEDULED, "tags"))
                .expectNoEvents();
    }

    @Test
    void a_refused_edit_within_the_lock_window_offers_only_what_the_lock_window_allows() {
        givenCampaign(fixture, Channel.VOICE, CampaignStatus.SCHEDULED)
                .andGivenCurrentTime(LAUNCH_AT.minus(Duration.ofMinutes(59)))
                .when(edit(SettingField.NAME))
                .expectException(conflict(CampaignStatus.SCHEDULED, "stop", "clone"))
                .expectNoEvents();
    }

    @Test
    void active_campaign_may_change_end_date_tags_and_assignment() {
        SettingField[] allowed = {SettingField.TAGS, SettingField.END_AT, SettingField.OPERATED_BY};
        Instant newEnd = EDITS.endAt();
        givenCampaign(fixture, Channel.SMS, CampaignStatus.ACTIVE)
                .when(edit(allowed))
                .expectEvents(new SettingsUpdated(ID, edited(smsSettings(), allowed), names(allowed), null, false))
                .expectScheduledDeadline(newEnd, new EndDateDue(newEnd));
    }

    @Test
    void active_campaign_may_not_change_its_start_date() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.ACTIVE)
                .when(edit(SettingField.START_AT))
                .expectException(fieldConflict(CampaignStatus.ACTIVE, "startAt"))
                .expectNoEvents();
    }

    @Test
    void active_campaign_may_not_change_its_initial_message() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.ACTIVE)
                .when(edit(SettingField.INITIAL_MESSAGE))
                .expectException(fieldConflict(CampaignStatus.ACTIVE, "initialMessage"));
    }

    @Test
    void active_campaign_may_not_move_its_end_date_into_the_past() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.ACTIVE)
                .when(new UpdateSettings(CAMPAIGN, CampaignSettings.builder().endAt(NOW.minusSeconds(1)).build(),
                        EnumSet.of(SettingField.END_AT), null))
                .expectException(RuleMatchers.invalid("endAt"));
    }

    @Test
    void paused_campaign_may_also_change_its_initial_message() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.PAUSED)
                .when(edit(SettingField.INITIAL_MESSAGE, SettingField.END_AT))
                .expectEvents(new SettingsUpdated(ID,
                        edited(smsSettings(), SettingField.INITIAL_MESSAGE, SettingField.END_AT),
                        names(SettingField.INITIAL_MESSAGE, SettingField.END_AT), null, false));
    }

    @Test
    void paused_campaign_may_not_change_its_start_date() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.PAUSED)
                .when(edit(SettingField.START_AT))
                .expectException(fieldConflict(CampaignStatus.PAUSED, "startAt"));
    }

    @ParameterizedTest
    @EnumSource(value = CampaignStatus.class, names = {"LAUNCHING", "SUSPENDED", "STOPPED", "COMPLETED", "ARCHIVED"})
    void other_statuses_may_change_nothing_but_tags(CampaignStatus status) {
        givenCampaign(fixture, Channel.SMS, status)
                .when(edit(SettingField.END_AT))
                .expectException(fieldConflict(status, "endAt"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = CampaignStatus.class, names = {"LAUNCHING", "SUSPENDED", "STOPPED", "COMPLETED", "ARCHIVED"})
    void other_statuses_may_still_change_tags(CampaignStatus status) {
        givenCampaign(fixture, Channel.SMS, status)
                .when(edit(SettingField.TAGS))
                .expectEvents(new SettingsUpdated(ID, edited(smsSettings(), SettingField.TAGS), List.of("tags"), null,
                        false));
    }

    @Test
    void errored_campaign_may_change_nothing_but_tags() {
        givenCampaign(fixture, Channel.VOICE, CampaignStatus.ERRORED)
                .when(edit(SettingField.SCRIPT))
                .expectException(fieldConflict(CampaignStatus.ERRORED, "script"));
    }

    @Test
    void deleted_campaign_may_change_nothing() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.DELETED)
                .when(edit(SettingField.TAGS))
                .expectException(fieldConflict(CampaignStatus.DELETED, "tags"))
                .expectNoEvents();
    }

    @Test
    void edit_that_changes_no_value_records_nothing() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.DRAFT)
                .when(new UpdateSettings(CAMPAIGN, smsSettings(), EnumSet.of(SettingField.NAME), null))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }
}
