package org.campaignengine.domain.campaign;

import static org.campaignengine.domain.campaign.CampaignFixtures.*;
import static org.campaignengine.domain.campaign.CampaignStatus.*;
import static org.campaignengine.domain.campaign.RuleMatchers.conflict;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.assertj.core.api.Assertions;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.campaignengine.domain.campaign.CampaignCommand.*;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every status × every action × both channels, against LIFECYCLE.md §2 copied out below by hand,
 * not read from {@link Transition}: a change to the table in the code must be a change to this copy.
 */
class TransitionTableTest {

    /** §2, row by row, in the table's order: the statuses each client action starts from. */
    private static final Map<String, Set<CampaignStatus>> SPEC = new LinkedHashMap<>();

    static {
        SPEC.put("update", EnumSet.of(DRAFT, REJECTED, SCHEDULED, ACTIVE, PAUSED));
        SPEC.put("schedule", EnumSet.of(DRAFT));
        SPEC.put("unschedule", EnumSet.of(SCHEDULED));
        // SCHEDULED launches "at its time", by the engine (TimeRulesTest), not by this command.
        SPEC.put("launch", EnumSet.of(DRAFT));
        SPEC.put("pause", EnumSet.of(ACTIVE));
        SPEC.put("resume", EnumSet.of(PAUSED, SUSPENDED));
        SPEC.put("suspend", EnumSet.of(ACTIVE));
        SPEC.put("stop", EnumSet.of(SCHEDULED, ACTIVE, PAUSED, SUSPENDED));
        SPEC.put("restart", EnumSet.of(STOPPED));
        SPEC.put("complete", EnumSet.of(ACTIVE, PAUSED, SUSPENDED));
        SPEC.put("error", EnumSet.of(ACTIVE));
        SPEC.put("archive", EnumSet.of(DRAFT, STOPPED, ERRORED, COMPLETED, REJECTED, ACTIVE, PAUSED, SUSPENDED));
        SPEC.put("clone", EnumSet.complementOf(EnumSet.of(DELETED)));
        SPEC.put("delete", EnumSet.of(DRAFT));
    }

    private static boolean specAllows(String action, CampaignStatus status, Channel channel) {
        if (action.equals("restart") && channel != Channel.SMS) {
            return false;
        }
        if (action.equals("error") && channel != Channel.VOICE) {
            return false;
        }
        return SPEC.get(action).contains(status);
    }

    private static List<String> specAllowedActions(CampaignStatus status, Channel channel) {
        return SPEC.keySet().stream().filter(action -> specAllows(action, status, channel)).toList();
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
    void action_is_taken_where_the_table_allows_it_and_refused_as_a_conflict_elsewhere(
            CampaignStatus status, String action, Channel channel) {
        AggregateTestFixture<Campaign> fixture = campaignFixture();
        ResultValidator<Campaign> result = givenCampaign(fixture, channel, status).when(command(action));
        if (expectedToSucceed(action, status, channel)) {
            result.expectSuccessfulHandlerExecution();
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
        Assertions.assertThat(Transition.allowedActions(status, channel)).containsExactlyElementsOf(
                specAllowedActions(status, channel));
    }

    /**
     * The walk edits tags, the one field every §2 update status may change; §4 lets tags change on
     * any campaign that is not deleted, so a tags edit succeeds wherever the campaign still exists.
     */
    private static boolean expectedToSucceed(String action, CampaignStatus status, Channel channel) {
        if (action.equals("update")) {
            return status != DELETED;
        }
        return specAllows(action, status, channel);
    }

    private static CampaignCommand command(String action) {
        return switch (action) {
            case "update" -> new UpdateSettings(ID, CampaignSettings.builder().tags(List.of("gotv")).build(),
                    EnumSet.of(SettingField.TAGS), null);
            case "schedule" -> new ScheduleCampaign(ID, LAUNCH_AT);
            case "unschedule" -> new UnscheduleCampaign(ID);
            case "launch" -> new LaunchCampaign(ID);
            case "pause" -> new PauseCampaign(ID);
            case "resume" -> new ResumeCampaign(ID);
            case "suspend" -> new SuspendCampaign(ID, SUSPENSION);
            case "stop" -> new StopCampaign(ID);
            case "restart" -> new RestartCampaign(ID);
            case "complete" -> new CompleteCampaign(ID);
            case "error" -> new MarkCampaignErrored(ID, "DIALER_DOWN", "the dialer stopped answering");
            case "archive" -> new ArchiveCampaign(ID);
            case "clone" -> new CloneCampaign(ID, CLONE_ID, null);
            case "delete" -> new DeleteCampaign(ID);
            default -> throw new IllegalArgumentException(action);
        };
    }
}
