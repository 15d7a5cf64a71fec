package org.campaignengine.domain.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.campaignengine.domain.campaign.CampaignEvent.*;

/**
 * Builders for campaigns in every status. Every history starts at {@link #NOW}, a Monday 10:00 in
 * New York, inside the campaigns' open hours; launch-ready settings start a day later and end
 * {@link #END_AFTER} after {@link #NOW}, so the 30-day inactivity rules play out before the end date.
 */
public final class CampaignFixtures {

    public static final String ID = "campaign-1";
    public static final CampaignId CAMPAIGN = CampaignId.of(ID);
    public static final String CLONE_ID = "campaign-2";
    public static final CampaignId CLONE = CampaignId.of(CLONE_ID);
    /** The id the campaign gives the launch it requests right after {@link #created}: its event number 1. */
    public static final String LAUNCH_ID = ID + "#1";
    public static final LaunchId LAUNCH = LaunchId.of(LAUNCH_ID);
    public static final String USE_CASE = "use-case-1";
    public static final Instant NOW = Instant.parse("2030-01-07T15:00:00Z");
    public static final Instant LAUNCH_AT = NOW.plus(Duration.ofDays(1));
    public static final Duration END_AFTER = Duration.ofDays(90);
    public static final String SUSPENSION = "every link domain hit its limit";
    public static final List<PhoneNumber> NUMBERS = List.of(
            new PhoneNumber("+16175550101", "617", PhoneNumberMode.SINGLE_USE),
            new PhoneNumber("+18575550102", "857", PhoneNumberMode.SINGLE_USE));

    private CampaignFixtures() {
    }

    /** A fixture whose {@link java.time.Clock} follows the fixture's simulated time, with default time rules. */
    public static AggregateTestFixture<Campaign> campaignFixture() {
        return campaignFixture(new FixtureClock());
    }

    public static AggregateTestFixture<Campaign> campaignFixture(FixtureClock clock) {
        return campaignFixture(clock, TimeRules.defaults());
    }

    public static AggregateTestFixture<Campaign> campaignFixture(FixtureClock clock, TimeRules rules) {
        return campaignFixture(clock, rules, new InMemoryActivityStore());
    }

    /** The fixture with this activity store; events the campaign publishes outside its stream are expected too. */
    public static AggregateTestFixture<Campaign> campaignFixture(FixtureClock clock, TimeRules rules,
                                                                 InMemoryActivityStore activity) {
        AggregateTestFixture<Campaign> fixture = new AggregateTestFixture<>(Campaign.class);
        fixture.registerCommandTargetResolver(new CampaignTargets());
        fixture.registerInjectableResource(activity);
        fixture.registerInjectableResource(fixture.getEventBus());
        clock.follow(fixture::currentTime);
        fixture.registerCommandHandlerInterceptor(handledAt(clock));
        fixture.registerDeadlineHandlerInterceptor(handledAt(clock));
        fixture.registerInjectableResource(rules);
        return fixture;
    }

    /** Stamps the fixture clock's time on each command and timer, as the engine stamps its own ({@link HandledAt}). */
    static <T extends Message<?>> MessageHandlerInterceptor<T> handledAt(FixtureClock clock) {
        return (unitOfWork, chain) -> {
            unitOfWork.transformMessage(message -> message.andMetaData(Map.of(HandledAt.KEY, clock.instant())));
            return chain.proceed();
        };
    }

    /** The fixture at {@link #NOW}, given the history that brings a campaign of this channel to this status. */
    public static TestExecutor<Campaign> givenCampaign(AggregateTestFixture<Campaign> fixture, Channel channel,
                                                       CampaignStatus status) {
        return fixture.givenCurrentTime(NOW).andGiven(history(channel, status));
    }

    public static CampaignSettings launchReady(Channel channel) {
        return channel == Channel.SMS ? smsSettings() : voiceSettings();
    }

    public static CampaignSettings smsSettings() {
        return common().initialMessage("Hi {firstName}, can we count on your vote on Tuesday?").build();
    }

    public static CampaignSettings voiceSettings() {
        return common().script("Introduce yourself, then ask whether they plan to vote on Tuesday.").build();
    }

    private static CampaignSettings.Builder common() {
        return CampaignSettings.builder()
                .name("Spring canvass")
                .office("Boston")
                .tags(List.of("field"))
                .contactList(new ContactList("list-1", "Volunteers", 250))
                .startAt(LAUNCH_AT)
                .endAt(NOW.plus(END_AFTER))
                .timeZone("America/New_York")
                .openHours(new OpenHours(LocalTime.of(9, 0), LocalTime.of(21, 0)))
                .areaCodes(List.of("617", "857"))
                .phoneNumberMode(PhoneNumberMode.SINGLE_USE)
                .operatedBy(OperatedBy.AGENT)
                .type(CampaignType.INBOUND_AND_OUTBOUND)
                .useCaseId(USE_CASE);
    }

    public static Created created(Channel channel) {
        return created(channel, launchReady(channel));
    }

    public static Created created(Channel channel, CampaignSettings settings) {
        return new Created(ID, channel, settings, null);
    }

    public static LaunchRequested launchRequested(Channel channel) {
        return new LaunchRequested(ID, LAUNCH_ID, channel, launchReady(channel), null);
    }

    public static Launched launched() {
        return new Launched(ID, LAUNCH_ID, NUMBERS, USE_CASE);
    }

    /**
     * The events that bring a launch-ready campaign to {@code status}. ERRORED exists for VOICE only:
     * an SMS campaign cannot get there.
     */
    public static List<CampaignEvent> history(Channel channel, CampaignStatus status) {
        if (status == CampaignStatus.ERRORED && channel != Channel.VOICE) {
            throw new IllegalArgumentException("only VOICE campaigns can be ERRORED");
        }
        List<CampaignEvent> events = new ArrayList<>();
        events.add(created(channel));
        switch (status) {
            case DRAFT -> {
            }
            case SCHEDULED -> events.add(new Scheduled(ID, LAUNCH_AT));
            case DELETED -> events.add(new Deleted(ID));
            case LAUNCHING -> events.add(launchRequested(channel));
            case REJECTED -> {
                events.add(launchRequested(channel));
                events.add(new Rejected(ID, LAUNCH_ID, "it contains the denied term \"casino\""));
            }
            default -> {
                events.add(launchRequested(channel));
                events.add(launched());
                events.addAll(afterLaunch(channel, status));
            }
        }
        return events;
    }

    private static List<CampaignEvent> afterLaunch(Channel channel, CampaignStatus status) {
        return switch (status) {
            case ACTIVE -> List.of();
            case PAUSED -> List.of(new Paused(ID));
            case SUSPENDED -> List.of(new Suspended(ID, SUSPENSION));
            case STOPPED -> List.of(new Stopped(ID, channel));
            case ERRORED -> List.of(new Errored(ID, "DIALER_DOWN", "the dialer stopped answering"));
            case COMPLETED -> List.of(new Completed(ID, false));
            case ARCHIVED -> List.of(new Completed(ID, false), new Archived(ID, ArchiveReason.MANUAL, NUMBERS, USE_CASE));
            default -> throw new IllegalArgumentException(status + " is not reached after a launch");
        };
    }

    /** Every status with the channels that can reach it. */
    public static boolean reachable(Channel channel, CampaignStatus status) {
        return status != CampaignStatus.ERRORED || channel == Channel.VOICE;
    }

    public static ActivityRecord activity(String recordId, ActivityType type, Instant at) {
        return new ActivityRecord(recordId, type, at, ContactId.of("contact-1"), "Ada Lovelace", "+16175550199", "message-1",
                null, null, null, List.of(), null);
    }
}
