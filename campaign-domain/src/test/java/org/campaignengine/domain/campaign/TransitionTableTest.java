package org.campaignengine.domain.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.campaignengine.domain.campaign.CampaignFixtures.*;
import static org.campaignengine.domain.campaign.CampaignStatus.*;
import static org.campaignengine.domain.campaign.RuleMatchers.conflict;
import static org.campaignengine.domain.campaign.RuleMatchers.matching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.campaignengine.domain.campaign.CampaignCommand.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every status × every action × both channels, against the lifecycle rules' transition table copied out below by hand,
 * not read from {@link Transition}: a change to the table in the code must be a change to this copy.
 * Each row names the statuses it starts from and the status it leads to.
 */
class TransitionTableTest {

    private record Row(CampaignStatus target, Set<CampaignStatus> from) {
    }

    private static final Set<CampaignStatus> EXISTING = EnumSet.complementOf(EnumSet.of(DELETED));

    /** §2, row by row, in the table's order; a null target leaves the status as it was. */
    private static final Map<String, Row> SPEC = new LinkedHashMap<>();

    static {
        // update settings: "unchanged (REJECTED → DRAFT)", see expectedStatus
        SPEC.put("update", new Row(null, EnumSet.of(DRAFT, REJECTED, SCHEDULED, ACTIVE, PAUSED)));
        SPEC.put("schedule", new Row(SCHEDULED, EnumSet.of(DRAFT)));
        SPEC.put("unschedule", new Row(DRAFT, EnumSet.of(SCHEDULED)));
        // SCHEDULED launches "at its time", by the engine (TimeRulesTest), not by this command.
        SPEC.put("launch", new Row(LAUNCHING, EnumSet.of(DRAFT)));
        SPEC.put("pause", new Row(PAUSED, EnumSet.of(ACTIVE)));
        SPEC.put("resume", new Row(ACTIVE, EnumSet.of(PAUSED, SUSPENDED)));
        SPEC.put("suspend", new Row(SUSPENDED, EnumSet.of(ACTIVE)));
        SPEC.put("stop", new Row(STOPPED, EnumSet.of(SCHEDULED, ACTIVE, PAUSED, SUSPENDED)));
        SPEC.put("restart", new Row(ACTIVE, EnumSet.of(STOPPED)));
        SPEC.put("complete", new Row(COMPLETED, EnumSet.of(ACTIVE, PAUSED, SUSPENDED)));
        SPEC.put("error", new Row(ERRORED, EnumSet.of(ACTIVE)));
        SPEC.put("archive", new Row(ARCHIVED,
                EnumSet.of(DRAFT, STOPPED, ERRORED, COMPLETED, REJECTED, ACTIVE, PAUSED, SUSPENDED)));
        // clone: the source keeps its status; the new campaign is a DRAFT (see expectedStatus)
        SPEC.put("clone", new Row(null, EXISTING));
        SPEC.put("delete", new Row(DELETED, EnumSet.of(DRAFT)));
        // §4: "tags aside, on any non-deleted campaign"
        SPEC.put("tag", new Row(null, EXISTING));
    }

    private static boolean specAllows(String action, CampaignStatus status, Channel channel) {
        if (action.equals("restart") && channel != Channel.SMS) {
            return false;
        }
        if (action.equals("error") && channel != Channel.VOICE) {
            return false;
        }
        return SPEC.get(action).from().contains(status);
    }

    private static List<String> specAllowedActions(CampaignStatus status, Channel channel) {
        return SPEC.keySet().stream().filter(action -> specAllows(action, status, channel)).toList();
    }

    /** The status the command answers with: the campaign's after the row, or the clone's (a new DRAFT). */
    private static CampaignStatus expectedStatus(String action, CampaignStatus from) {
        if (action.equals("clone")) {
            return DRAFT;
        }
        if (action.equals("update") && from == REJECTED) {
            return DRAFT;
        }
        CampaignStatus target = SPEC.get(action).target();
        return target == null ? from : target;
    }

    static Stream<Arguments> everyStatusActionAndChannel() {
        List<Arguments> cases = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            for (CampaignStatus status : CampaignStatus.values()) {
                if (!reachable(channel, status)) {
                    continue;
                }
                for (String action : SPEC.keySet()) {
                    cases.add(Arguments.of(status, action, channel));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} on a {2} campaign in {0}")
    @MethodSource("everyStatusActionAndChannel")
    void action_leads_to_the_rows_status_where_the_table_allows_it_and_is_refused_as_a_conflict_elsewhere(
            CampaignStatus status, String action, Channel channel) {
        AggregateTestFixture<Campaign> fixture = campaignFixture();
        ResultValidator<Campaign> result = givenCampaign(fixture, channel, status).when(command(action, status));
        if (specAllows(action, status, channel)) {
            CampaignStatus expected = expectedStatus(action, status);
            result.expectSuccessfulHandlerExecution().expectResultMessagePayloadMatching(matching(
                    "an outcome in " + expected, CommandOutcome.class, outcome -> outcome.status() == expected));
        } else {
            result.expectException(conflict(status, specAllowedActions(status, channel).toArray(String[]::new)))
                    .expectNoEvents();
        }
    }

    static Stream<Arguments> everyStatusAndChannel() {
        return Stream.of(Channel.values()).flatMap(channel -> Stream.of(CampaignStatus.values())
                .map(status -> Arguments.of(status, channel)));
    }

    @ParameterizedTest(name = "allowed actions of a {1} campaign in {0}")
    @MethodSource("everyStatusAndChannel")
    void allowed_actions_are_the_rows_of_the_table_in_table_order(CampaignStatus status, Channel channel) {
        Situation launchedBefore = new Situation(status, channel, false, Transition.launched(status),
                List.of());
        assertThat(Transition.allowedActions(launchedBefore)).containsExactlyElementsOf(
                specAllowedActions(status, channel));
    }

    @ParameterizedTest(name = "editable fields of a {1} campaign in {0}")
    @MethodSource("everyStatusAndChannel")
    void editable_fields_are_exactly_the_fields_an_edit_may_change(CampaignStatus status, Channel channel) {
        for (boolean locked : new boolean[] {false, true}) {
            Situation s = new Situation(status, channel, locked, Transition.launched(status), List.of());
            List<String> editable = Transition.editableFields(s);
            for (SettingField field : SettingField.values()) {
                boolean allowed;
                try {
                    Transition.decideEdit(List.of(field), false, s);
                    allowed = true;
                } catch (CampaignRuleViolation refused) {
                    allowed = false;
                }
                assertThat(editable.contains(field.apiName())).as("%s in %s (locked %s)", field, status, locked)
                        .isEqualTo(allowed);
            }
            boolean launchMoves;
            try {
                Transition.decideEdit(List.of(), true, s);
                launchMoves = true;
            } catch (CampaignRuleViolation refused) {
                launchMoves = false;
            }
            assertThat(editable.contains("launchAt")).as("launchAt in %s (locked %s)", status, locked).isEqualTo(launchMoves);
        }
    }

    @Test
    void a_draft_may_edit_every_setting_and_an_archived_campaign_only_its_tags() {
        assertThat(Transition.editableFields(new Situation(DRAFT, Channel.SMS, false, false, List.of())))
                .hasSize(SettingField.values().length).doesNotContain("launchAt");
        assertThat(Transition.editableFields(new Situation(ARCHIVED, Channel.SMS, false, true, List.of())))
                .containsExactly("tags");
    }

    @Test
    void inside_the_lock_window_a_scheduled_campaign_offers_neither_edits_nor_cancelling() {
        Situation locked = new Situation(SCHEDULED, Channel.VOICE, true, false, List.of());
        assertThat(Transition.allowedActions(locked)).containsExactly("stop", "clone");
    }

    @Test
    void a_campaign_stopped_before_it_ever_launched_offers_no_restart() {
        Situation neverLaunched = new Situation(STOPPED, Channel.SMS, false, false, List.of());
        assertThat(Transition.allowedActions(neverLaunched)).containsExactly("archive", "clone", "tag");
    }

    @Test
    void a_draft_that_lacks_settings_still_offers_launch_and_schedule_but_is_not_launchable() {
        Situation lacking = new Situation(DRAFT, Channel.SMS, false, false, List.of("initialMessage"));
        assertThat(Transition.allowedActions(lacking)).contains("schedule", "launch");
        assertThat(Transition.launchable(lacking)).isFalse();
        assertThat(Transition.launchable(new Situation(DRAFT, Channel.SMS, false, false, List.of()))).isTrue();
    }

    @Test
    void a_launch_of_a_draft_that_lacks_settings_is_refused_with_what_it_lacks() {
        Situation lacking = new Situation(DRAFT, Channel.VOICE, false, false, List.of("script", "areaCodes"));
        for (Action action : List.of(Action.LAUNCH, Action.SCHEDULE)) {
            assertThatThrownBy(() -> Transition.decide(action, lacking)).isInstanceOfSatisfying(
                    NotReadyForLaunch.class, e -> assertThat(e.missing()).containsExactly("script", "areaCodes"));
        }
    }

    /** §2's "archive stops it first" and "the end date completes it" statuses, and §7's launched ones. */
    @ParameterizedTest(name = "the groups of {0}")
    @EnumSource(CampaignStatus.class)
    void running_and_launched_are_the_groups_the_rows_share(CampaignStatus status) {
        assertThat(Transition.running(status)).isEqualTo(EnumSet.of(ACTIVE, PAUSED, SUSPENDED).contains(status));
        assertThat(Transition.launched(status)).isEqualTo(
                EnumSet.of(ACTIVE, PAUSED, SUSPENDED, STOPPED, ERRORED, COMPLETED, ARCHIVED).contains(status));
        assertThat(Transition.running(status)).isEqualTo(Transition.STOP_AND_ARCHIVE.from().contains(status))
                .isEqualTo(Transition.COMPLETE.from().contains(status));
    }

    /**
     * "update" changes a field every §2 update status lets change (the operator; for a SCHEDULED
     * campaign, whose SMS edits are its send schedule, the launch time); "tag" changes tags only.
     */
    private static CampaignCommand command(String action, CampaignStatus status) {
        return switch (action) {
            case "update" -> status == SCHEDULED
                    ? new UpdateSettings(CAMPAIGN, CampaignSettings.builder().build(), Set.of(),
                    LAUNCH_AT.plus(Duration.ofHours(1)))
                    : new UpdateSettings(CAMPAIGN, CampaignSettings.builder().operatedBy(OperatedBy.VIRTUAL_ASSISTANT)
                    .build(), EnumSet.of(SettingField.OPERATED_BY), null);
            case "tag" -> new UpdateSettings(CAMPAIGN, CampaignSettings.builder().tags(List.of("gotv")).build(),
                    EnumSet.of(SettingField.TAGS), null);
            case "schedule" -> new ScheduleCampaign(CAMPAIGN, LAUNCH_AT);
            case "unschedule" -> new UnscheduleCampaign(CAMPAIGN);
            case "launch" -> new LaunchCampaign(CAMPAIGN);
            case "pause" -> new PauseCampaign(CAMPAIGN);
            case "resume" -> new ResumeCampaign(CAMPAIGN);
            case "suspend" -> new SuspendCampaign(CAMPAIGN, SUSPENSION);
            case "stop" -> new StopCampaign(CAMPAIGN);
            case "restart" -> new RestartCampaign(CAMPAIGN);
            case "complete" -> new CompleteCampaign(CAMPAIGN);
            case "error" -> new MarkCampaignErrored(CAMPAIGN, "DIALER_DOWN", "the dialer stopped answering");
            case "archive" -> new ArchiveCampaign(CAMPAIGN);
            case "clone" -> new CloneCampaign(CAMPAIGN, CLONE, null);
            case "delete" -> new DeleteCampaign(CAMPAIGN);
            default -> throw new IllegalArgumentException(action);
        };
    }
}
