package org.campaignengine.domain.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.domain.campaign.CampaignFixtures.*;
import static org.campaignengine.domain.campaign.CampaignStatus.*;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.campaignengine.domain.campaign.CampaignEvent.*;
import org.junit.jupiter.api.Test;

/**
 * What each stored event means for a campaign's status, copied by hand from the "event(s)" and "to"
 * columns of the lifecycle rules' transition table, one sample per event type.
 */
class EventMeaningTest {

    /** Every event type, with the status it sets (empty: the status stays as it was). */
    private static final Map<CampaignEvent, Optional<CampaignStatus>> SPEC = new LinkedHashMap<>();

    static {
        SPEC.put(created(Channel.SMS), Optional.of(DRAFT));
        SPEC.put(new SettingsUpdated(ID, smsSettings(), List.of("name"), null, true), Optional.of(DRAFT));
        SPEC.put(new Scheduled(ID, LAUNCH_AT), Optional.of(SCHEDULED));
        SPEC.put(new Unscheduled(ID, LAUNCH_AT), Optional.of(DRAFT));
        SPEC.put(launchRequested(Channel.SMS), Optional.of(LAUNCHING));
        SPEC.put(launched(), Optional.of(ACTIVE));
        SPEC.put(new LaunchFailed(ID, LAUNCH_ID, "area code 999 refused"), Optional.of(DRAFT));
        SPEC.put(new Rejected(ID, LAUNCH_ID, "it contains the denied term \"casino\""), Optional.of(REJECTED));
        SPEC.put(new Paused(ID), Optional.of(PAUSED));
        SPEC.put(new Resumed(ID, SUSPENSION), Optional.of(ACTIVE));
        SPEC.put(new Suspended(ID, SUSPENSION), Optional.of(SUSPENDED));
        SPEC.put(new Stopped(ID, Channel.SMS), Optional.of(STOPPED));
        SPEC.put(new Restarted(ID), Optional.of(ACTIVE));
        SPEC.put(new Completed(ID, true), Optional.of(COMPLETED));
        SPEC.put(new Errored(ID, "DIALER_DOWN", "the dialer stopped answering"), Optional.of(ERRORED));
        SPEC.put(new Archived(ID, ArchiveReason.MANUAL, NUMBERS, USE_CASE), Optional.of(ARCHIVED));
        SPEC.put(new AutoArchiveWarned(ID, NOW), Optional.empty());
        SPEC.put(new Cloned(ID, CLONE_ID), Optional.empty());
        SPEC.put(new Deleted(ID), Optional.of(DELETED));
        SPEC.put(new ActivityRecorded(ID, List.of()), Optional.empty());
    }

    @Test
    void every_event_type_has_a_meaning_in_the_spec() {
        assertThat(SPEC.keySet()).extracting(Object::getClass).containsExactlyInAnyOrder(
                CampaignEvent.class.getPermittedSubclasses());
    }

    @Test
    void every_event_type_has_its_own_visitor_method_so_a_new_one_cannot_go_unread() {
        List<Class<?>> visited = Arrays.stream(CampaignEvent.Visitor.class.getDeclaredMethods())
                .map(method -> method.getParameterTypes()[0]).<Class<?>>map(type -> type).toList();
        assertThat(visited).containsExactlyInAnyOrder(CampaignEvent.class.getPermittedSubclasses());
    }

    @Test
    void each_event_sets_the_status_it_meant_when_it_was_written() {
        SPEC.forEach((event, status) -> assertThat(EventMeaning.statusSetBy(event))
                .as(event.getClass().getSimpleName()).isEqualTo(status));
    }

    @Test
    void an_event_that_sets_no_status_leaves_the_one_before() {
        assertThat(EventMeaning.statusAfter(ACTIVE, new AutoArchiveWarned(ID, NOW))).isEqualTo(ACTIVE);
        assertThat(EventMeaning.statusAfter(ACTIVE, new ActivityRecorded(ID, List.of()))).isEqualTo(ACTIVE);
        assertThat(EventMeaning.statusAfter(SUSPENDED, new Cloned(ID, CLONE_ID))).isEqualTo(SUSPENDED);
    }

    @Test
    void an_edit_returns_a_campaign_to_draft_only_when_it_says_it_did() {
        assertThat(EventMeaning.statusAfter(REJECTED, new SettingsUpdated(ID, smsSettings(), List.of("name"),
                null, true))).isEqualTo(DRAFT);
        assertThat(EventMeaning.statusAfter(ACTIVE, new SettingsUpdated(ID, smsSettings(), List.of("tags"), null,
                false))).isEqualTo(ACTIVE);
    }

    @Test
    void a_missed_scheduled_launch_is_a_draft_again() {
        assertThat(EventMeaning.statusAfter(SCHEDULED, new LaunchFailed(ID, null, "missed"))).isEqualTo(DRAFT);
    }

    @Test
    void the_history_that_leads_to_a_status_reads_as_that_status() {
        for (Channel channel : Channel.values()) {
            for (CampaignStatus status : CampaignStatus.values()) {
                if (!reachable(channel, status)) {
                    continue;
                }
                CampaignStatus folded = null;
                for (CampaignEvent event : history(channel, status)) {
                    folded = EventMeaning.statusAfter(folded, event);
                }
                assertThat(folded).as("the %s history that leads to %s", channel, status).isEqualTo(status);
            }
        }
    }

    /**
     * Today the table and stored history agree: the row an event records leads where the event says.
     * When this fails, a row's target changed: that is a new event (or a new revision with its upcaster),
     * because the events already stored keep their meaning.
     */
    @Test
    void today_each_event_agrees_with_the_row_that_records_it() {
        SPEC.forEach((event, status) -> {
            Transition row = event.accept(RecordedTransition.INSTANCE);
            for (CampaignStatus from : row == null ? List.<CampaignStatus>of() : row.from()) {
                assertThat(row.target(from)).as("%s recorded by %s from %s", event.getClass().getSimpleName(),
                        row, from).isEqualTo(EventMeaning.statusAfter(from, event));
            }
        });
    }
}
