package org.campaignengine.projections.statusindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.campaignengine.domain.campaign.CampaignEvent.*;
import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.domain.campaign.ContactList;
import org.campaignengine.domain.campaign.PhoneNumber;
import org.campaignengine.domain.campaign.PhoneNumberMode;
import org.campaignengine.projections.ProjectionHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scheduled calendar, read from the status index after real event streams; once per database. */
abstract class ScheduledCalendarContract extends StatusIndexTest {

    static final Instant CREATED = Instant.parse("2026-05-01T08:00:00Z");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    private final Map<String, ProjectionHarness<CampaignIndexProjection>.Timeline> timelines = new HashMap<>();
    private ProjectionHarness<ScheduledCalendarQueries> calendar;

    @BeforeAll
    void openCalendar() {
        calendar = new ProjectionHarness<>(new ScheduledCalendarQueries(repository));
    }

    @Test
    void campaigns_are_grouped_by_the_local_date_of_their_launch_in_the_chosen_zone() {
        String lateEvening = scheduled("Late evening", "north", Instant.parse("2026-06-01T23:30:00Z"), null);
        String pastMidnight = scheduled("Past midnight", "north", Instant.parse("2026-06-02T00:30:00Z"), null);
        String nextMorning = scheduled("Next morning", "north", Instant.parse("2026-06-02T15:00:00Z"), null);

        assertThat(days(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 3), ZoneOffset.UTC)).containsExactly(
                day("2026-06-01", lateEvening), day("2026-06-02", pastMidnight, nextMorning));
        assertThat(days(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 3), LOS_ANGELES)).as("UTC-7 in June")
                .containsExactly(day("2026-06-01", lateEvening, pastMidnight), day("2026-06-02", nextMorning));
        assertThat(days(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 3), AUCKLAND)).as("UTC+12 in June")
                .containsExactly(day("2026-06-02", lateEvening, pastMidnight), day("2026-06-03", nextMorning));
    }

    @Test
    void both_ends_of_the_range_are_included_and_nothing_outside_it() {
        String first = scheduled("First", "north", Instant.parse("2026-06-10T00:00:00Z"), null);
        String last = scheduled("Last", "north", Instant.parse("2026-06-12T23:59:59Z"), null);
        scheduled("Before", "north", Instant.parse("2026-06-09T23:59:59Z"), null);
        scheduled("After", "north", Instant.parse("2026-06-13T00:00:00Z"), null);

        assertThat(days(LocalDate.of(2026, 6, 10), LocalDate.of(2026, 6, 12), ZoneOffset.UTC))
                .containsExactly(day("2026-06-10", first), day("2026-06-12", last));
        assertThat(days(LocalDate.of(2026, 6, 12), LocalDate.of(2026, 6, 10), ZoneOffset.UTC)).isEmpty();
    }

    @Test
    void only_scheduled_campaigns_of_the_callers_offices_show_with_name_office_list_and_reusable_number() {
        Instant launch = Instant.parse("2026-07-04T16:00:00Z");
        String reusable = scheduled("Reusable", "north", launch, "+18005550199");
        scheduled("Other office", "south", launch, null);
        String unscheduled = scheduled("Unscheduled", "north", launch, null);
        timelines.get(unscheduled).publish(new Unscheduled(unscheduled, launch));

        ScheduledCalendar.Day day = calendar(LocalDate.of(2026, 7, 4), LocalDate.of(2026, 7, 4), ZoneOffset.UTC,
                Set.of("north")).days().get(0);

        assertThat(day.count()).isEqualTo(1);
        ScheduledCalendar.Entry entry = day.campaigns().get(0);
        assertThat(entry).isEqualTo(new ScheduledCalendar.Entry(reusable, "Reusable",
                List.of(new PhoneNumber("+18005550199", null, PhoneNumberMode.REUSABLE)), "north",
                new ContactList("list-1", "Volunteers", 120), launch));
        assertThat(calendar(LocalDate.of(2026, 7, 4), LocalDate.of(2026, 7, 4), ZoneOffset.UTC, null).days().get(0)
                .count()).isEqualTo(2);
        assertThat(calendar(LocalDate.of(2026, 7, 4), LocalDate.of(2026, 7, 4), ZoneOffset.UTC, Set.of()).days())
                .isEmpty();
    }

    /** A date and its campaigns' ids, in launch order. */
    record DayIds(LocalDate date, List<String> ids) {
    }

    private static DayIds day(String date, String... ids) {
        return new DayIds(LocalDate.parse(date), List.of(ids));
    }

    private List<DayIds> days(LocalDate from, LocalDate to, ZoneId zone) {
        return calendar(from, to, zone, null).days().stream().peek(d -> assertThat(d.count())
                        .isEqualTo(d.campaigns().size()))
                .map(d -> new DayIds(d.date(), d.campaigns().stream().map(ScheduledCalendar.Entry::id).toList()))
                .toList();
    }

    private ScheduledCalendar calendar(LocalDate from, LocalDate to, ZoneId zone, Set<String> offices) {
        return calendar.ask(new ListScheduledLaunches(from, to, zone, offices),
                ResponseTypes.instanceOf(ScheduledCalendar.class));
    }

    private String scheduled(String name, String office, Instant launchAt, String reusableNumber) {
        String id = UUID.randomUUID().toString();
        CampaignSettings.Builder settings = CampaignSettings.builder().name(name).office(office)
                .contactList(new ContactList("list-1", "Volunteers", 120));
        if (reusableNumber != null) {
            settings.phoneNumberMode(PhoneNumberMode.REUSABLE).reusableNumber(reusableNumber);
        }
        var timeline = index.campaign(id, CREATED);
        timeline.publish(new Created(id, Channel.SMS, settings.build(), null));
        timeline.publish(new Scheduled(id, launchAt));
        timelines.put(id, timeline);
        return id;
    }
}
