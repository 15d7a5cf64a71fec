package org.campaignengine.api.activity;

import static org.campaignengine.domain.campaign.CampaignFixtures.*;
import static org.campaignengine.domain.campaign.CampaignStatus.*;
import static org.campaignengine.domain.campaign.RuleMatchers.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.campaignengine.domain.campaign.ActivityOutcome;
import org.campaignengine.domain.campaign.ActivityRecord;
import org.campaignengine.domain.campaign.ActivityType;
import org.campaignengine.domain.campaign.ActivityType.Direction;
import org.campaignengine.domain.campaign.Campaign;
import org.campaignengine.domain.campaign.CampaignCommand.RecordActivity;
import org.campaignengine.domain.campaign.CampaignEvent.ActivityRecorded;
import org.campaignengine.domain.campaign.CampaignFixtures;
import org.campaignengine.domain.campaign.CampaignStatus;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.domain.campaign.ContactId;
import org.campaignengine.domain.campaign.FixtureClock;
import org.campaignengine.domain.campaign.InMemoryActivityStore;
import org.campaignengine.domain.campaign.TimeRules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lifecycle rules' activity rules, through the intake: the campaign's verdicts, then the activity
 * store's duplicates and tags, then the published events.
 * {@link CampaignFixtures#NOW} is 10:00 in New York, inside the 09:00–21:00 open hours.
 */
class RecordActivityTest {

    /** §7's table written out: the directions each status accepts. */
    private static final Map<CampaignStatus, Set<Direction>> SPEC = Map.ofEntries(
            Map.entry(ACTIVE, EnumSet.allOf(Direction.class)),
            Map.entry(PAUSED, EnumSet.of(Direction.INBOUND, Direction.RECEIPT)),
            Map.entry(SUSPENDED, EnumSet.of(Direction.INBOUND, Direction.RECEIPT)),
            Map.entry(STOPPED, EnumSet.of(Direction.INBOUND, Direction.RECEIPT)),
            Map.entry(ERRORED, EnumSet.of(Direction.INBOUND, Direction.RECEIPT)),
            Map.entry(COMPLETED, EnumSet.of(Direction.INBOUND, Direction.RECEIPT)),
            Map.entry(ARCHIVED, EnumSet.of(Direction.RECEIPT)),
            Map.entry(DRAFT, EnumSet.noneOf(Direction.class)),
            Map.entry(SCHEDULED, EnumSet.noneOf(Direction.class)),
            Map.entry(LAUNCHING, EnumSet.noneOf(Direction.class)),
            Map.entry(REJECTED, EnumSet.noneOf(Direction.class)),
            Map.entry(DELETED, EnumSet.noneOf(Direction.class)));

    private final InMemoryActivityStore store = new InMemoryActivityStore();
    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = campaignFixture(new FixtureClock(), TimeRules.defaults(), store);
        fixture.registerAnnotatedCommandHandler(
                new ActivityIntakeHandler(fixture.getRepository(), store, fixture.getEventBus()));
    }

    static Stream<Arguments> everyStatusAndKind() {
        List<Arguments> cases = new ArrayList<>();
        for (CampaignStatus status : CampaignStatus.values()) {
            for (ActivityType type : List.of(ActivityType.MESSAGE_SENT, ActivityType.CALL_PLACED,
                    ActivityType.REPLY_RECEIVED, ActivityType.OPTED_OUT, ActivityType.MESSAGE_DELIVERED,
                    ActivityType.CALL_COMPLETED)) {
                cases.add(Arguments.of(status, type));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("everyStatusAndKind")
    void activity_is_accepted_as_the_status_table_says(CampaignStatus status, ActivityType type) {
        ActivityRecord record = activity("r-1", type, NOW);
        Channel channel = status == ERRORED ? Channel.VOICE : Channel.SMS;
        ResultValidator<Campaign> result = givenCampaign(fixture, channel, status)
                .when(new RecordActivity(CAMPAIGN, List.of(record)));
        if (SPEC.get(status).contains(type.direction())) {
            result.expectEvents(new ActivityRecorded(ID, List.of(record)))
                    .expectResultMessagePayloadMatching(outcome(1, 0, 0));
        } else {
            result.expectNoEvents().expectResultMessagePayloadMatching(outcome(0, 0, 1));
        }
    }

    @Test
    void inbound_activity_on_an_archived_campaign_is_refused_with_a_clear_reason() {
        givenCampaign(fixture, Channel.SMS, ARCHIVED)
                .when(new RecordActivity(CAMPAIGN, List.of(activity("r-1", ActivityType.REPLY_RECEIVED, NOW))))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(matching("refused because ARCHIVED", ActivityOutcome.class,
                        o -> o.rejected().size() == 1 && o.rejected().get(0).recordId().equals("r-1")
                                && o.rejected().get(0).reason().contains("ARCHIVED")));
    }

    @Test
    void outbound_activity_at_the_opening_time_in_the_campaigns_time_zone_is_accepted() {
        assertOutbound(Instant.parse("2030-01-08T14:00:00Z"), true);
    }

    @Test
    void outbound_activity_just_before_closing_time_is_accepted() {
        assertOutbound(Instant.parse("2030-01-09T01:59:59Z"), true);
    }

    @Test
    void outbound_activity_at_the_closing_time_is_refused() {
        assertOutbound(Instant.parse("2030-01-09T02:00:00Z"), false);
    }

    @Test
    void outbound_activity_before_opening_in_the_campaigns_time_zone_is_refused_even_if_open_in_utc() {
        assertOutbound(Instant.parse("2030-01-08T10:00:00Z"), false);
    }

    @Test
    void inbound_activity_outside_open_hours_is_accepted() {
        givenCampaign(fixture, Channel.SMS, ACTIVE)
                .when(new RecordActivity(CAMPAIGN, List.of(activity("r-1", ActivityType.REPLY_RECEIVED,
                        Instant.parse("2030-01-08T10:00:00Z")))))
                .expectResultMessagePayloadMatching(outcome(1, 0, 0));
    }

    private void assertOutbound(Instant at, boolean accepted) {
        givenCampaign(fixture, Channel.SMS, ACTIVE)
                .when(new RecordActivity(CAMPAIGN, List.of(activity("r-1", ActivityType.MESSAGE_SENT, at))))
                .expectResultMessagePayloadMatching(accepted ? outcome(1, 0, 0) : outcome(0, 0, 1));
    }

    @Test
    void record_sent_twice_in_one_batch_counts_once() {
        ActivityRecord record = activity("r-1", ActivityType.MESSAGE_SENT, NOW);
        givenCampaign(fixture, Channel.SMS, ACTIVE)
                .when(new RecordActivity(CAMPAIGN, List.of(record, record)))
                .expectEvents(new ActivityRecorded(ID, List.of(record)))
                .expectResultMessagePayloadMatching(outcome(1, 1, 0));
    }

    @Test
    void batch_sent_again_is_not_counted_twice() {
        ActivityRecord record = activity("r-1", ActivityType.MESSAGE_SENT, NOW);
        store.given(CAMPAIGN, NOW, record);
        givenCampaign(fixture, Channel.SMS, ACTIVE)
                .when(new RecordActivity(CAMPAIGN, List.of(record, activity("r-2", ActivityType.MESSAGE_SENT, NOW))))
                .expectEvents(new ActivityRecorded(ID, List.of(activity("r-2", ActivityType.MESSAGE_SENT, NOW))))
                .expectResultMessagePayloadMatching(outcome(1, 1, 0));
    }

    @Test
    void batch_sent_again_to_a_node_that_remembers_no_ids_is_not_counted_twice() {
        ActivityRecord record = activity("r-1", ActivityType.MESSAGE_SENT, NOW);
        store.given(CAMPAIGN, NOW, record).rememberingNoRecentIds();
        givenCampaign(fixture, Channel.SMS, ACTIVE)
                .when(new RecordActivity(CAMPAIGN, List.of(record, activity("r-2", ActivityType.MESSAGE_SENT, NOW),
                        record)))
                .expectEvents(new ActivityRecorded(ID, List.of(activity("r-2", ActivityType.MESSAGE_SENT, NOW))))
                .expectResultMessagePayloadMatching(outcome(1, 2, 0));
    }

    /** The duplicate check comes first: a record kept before is a duplicate even where it would now be refused. */
    @Test
    void record_kept_before_is_a_duplicate_not_a_refusal_once_its_kind_is_refused() {
        ActivityRecord sent = activity("r-1", ActivityType.MESSAGE_SENT, NOW);
        store.given(CAMPAIGN, NOW, sent).rememberingNoRecentIds();
        givenCampaign(fixture, Channel.SMS, PAUSED)
                .when(new RecordActivity(CAMPAIGN, List.of(sent, activity("r-2", ActivityType.MESSAGE_SENT, NOW))))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcome(0, 1, 1));
    }

    @Test
    void a_batch_of_more_than_a_thousand_records_is_published_as_events_of_at_most_a_thousand_each() {
        List<ActivityRecord> batch = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            batch.add(activity("r-" + i, ActivityType.MESSAGE_SENT, NOW));
        }
        givenCampaign(fixture, Channel.SMS, ACTIVE)
                .when(new RecordActivity(CAMPAIGN, batch))
                .expectEvents(new ActivityRecorded(ID, batch.subList(0, 1_000)),
                        new ActivityRecorded(ID, batch.subList(1_000, 2_000)),
                        new ActivityRecorded(ID, batch.subList(2_000, 2_500)))
                .expectResultMessagePayloadMatching(outcome(2_500, 0, 0));
    }

    @Test
    void the_campaigns_state_and_stream_do_not_grow_with_its_activity() {
        List<ActivityRecord> batch = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            batch.add(activity("r-" + i, ActivityType.MESSAGE_SENT, NOW));
        }
        givenCampaign(fixture, Channel.SMS, ACTIVE)
                .when(new RecordActivity(CAMPAIGN, batch))
                .expectEvents(new ActivityRecorded(ID, batch))
                .expectState(campaign -> org.assertj.core.api.Assertions.assertThat(
                        fixture.getEventStore().readEvents(ID).asStream().count())
                        .as("events in the campaign's own stream: created, launch requested, launched").isEqualTo(3));
        org.assertj.core.api.Assertions.assertThat(store.known(CAMPAIGN, List.of("r-0", "r-999"))).hasSize(2);
    }

    @Test
    void conversation_may_hold_three_tags_of_thirty_characters() {
        ActivityRecord tagged = tagged("r-1", "t".repeat(30), "volunteer", "donor");
        givenCampaign(fixture, Channel.SMS, ACTIVE)
                .when(new RecordActivity(CAMPAIGN, List.of(tagged)))
                .expectEvents(new ActivityRecorded(ID, List.of(tagged)));
    }

    @Test
    void conversation_tag_of_31_characters_is_refused() {
        givenCampaign(fixture, Channel.SMS, ACTIVE)
                .when(new RecordActivity(CAMPAIGN, List.of(tagged("r-1", "t".repeat(31)))))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcome(0, 0, 1));
    }

    @Test
    void fourth_conversation_tag_is_refused() {
        givenCampaign(fixture, Channel.SMS, ACTIVE)
                .when(new RecordActivity(CAMPAIGN, List.of(tagged("r-1", "a", "b", "c", "d"))))
                .expectResultMessagePayloadMatching(outcome(0, 0, 1));
    }

    @Test
    void fourth_conversation_tag_is_refused_when_earlier_tags_were_recorded_before() {
        store.tagConversations(CAMPAIGN, Map.of(ContactId.of("contact-1"), Set.of("a", "b")));
        givenCampaign(fixture, Channel.SMS, ACTIVE)
                .when(new RecordActivity(CAMPAIGN, List.of(tagged("r-2", "c"), tagged("r-3", "d"))))
                .expectEvents(new ActivityRecorded(ID, List.of(tagged("r-2", "c"))))
                .expectResultMessagePayloadMatching(outcome(1, 0, 1));
    }

    private static ActivityRecord tagged(String recordId, String... tags) {
        return new ActivityRecord(recordId, ActivityType.CONVERSATION_TAGGED, NOW, ContactId.of("contact-1"), null, null, null,
                null, null, null, List.of(tags), null);
    }

    private static org.hamcrest.Matcher<ActivityOutcome> outcome(int accepted, int duplicates, int rejected) {
        return matching("outcome accepted=" + accepted + " duplicates=" + duplicates + " rejected=" + rejected,
                ActivityOutcome.class, o -> o.accepted() == accepted && o.duplicates() == duplicates
                        && o.rejected().size() == rejected);
    }
}
