package org.campaignengine.projections.statusindex;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.domain.campaign.ActivityType.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.campaignengine.domain.campaign.ActivityRecord;
import org.campaignengine.domain.campaign.ActivityType;
import org.campaignengine.domain.campaign.CampaignEvent.*;
import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.domain.campaign.ContactId;
import org.campaignengine.domain.campaign.ContactList;
import org.campaignengine.domain.campaign.OperatedBy;
import org.campaignengine.domain.campaign.PhoneNumber;
import org.campaignengine.domain.campaign.PhoneNumberMode;
import org.campaignengine.projections.ProjectionHarness;
import org.junit.jupiter.api.Test;

/**
 * Every sortable column, both ways, over All (five shelves merged) and read page by page: the order is
 * written out here independently of the SQL, as the HTTP API's fields read, empty values last either way and
 * ties broken by id in the same direction. Values differ in their first letter, so any collation agrees.
 */
abstract class IndexSortContract extends StatusIndexTest {

    static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");

    /** What each sort field orders by, as a client reads the row. */
    static final Map<String, Function<CampaignRow, Comparable<?>>> FIELDS = Map.ofEntries(
            Map.entry("name", r -> r.settings().name().toLowerCase()),
            Map.entry("channel", r -> r.channel().name()),
            Map.entry("status", r -> r.status().name()),
            Map.entry("displayStatus", r -> r.status().name()),
            Map.entry("office", r -> r.settings().office()),
            Map.entry("phoneNumbers", r -> r.phoneNumbers().isEmpty() ? null : r.phoneNumbers().get(0).number()),
            Map.entry("contactList", r -> r.settings().contactList() == null ? null
                    : r.settings().contactList().name().toLowerCase()),
            Map.entry("operatedBy", r -> r.settings().operatedBy() == null ? null : r.settings().operatedBy().name()),
            Map.entry("tags", r -> String.join("|", r.settings().tags())),
            Map.entry("createdAt", CampaignRow::createdAt),
            Map.entry("updatedAt", CampaignRow::updatedAt),
            Map.entry("launchedAt", CampaignRow::launchedAt),
            Map.entry("startAt", r -> r.settings().startAt()),
            Map.entry("endAt", r -> r.settings().endAt()),
            Map.entry("launchAt", CampaignRow::launchAt),
            Map.entry("callersLoggedIn", r -> r.figures().callersLoggedIn()),
            Map.entry("dialsRemaining", r -> r.figures().dialsRemaining(r.channel())),
            Map.entry("recipients", r -> r.figures().contactsMessaged()),
            Map.entry("clickThroughRate", r -> r.figures().clickThroughRate()),
            Map.entry("costMicros", r -> r.figures().costMicros()),
            Map.entry("autoArchiveAt", r -> r.autoArchiveWarned() ? r.autoArchiveAt() : null),
            Map.entry("autoArchiveInDays", r -> r.autoArchiveWarned() ? r.autoArchiveAt() : null),
            Map.entry("archiveReason", CampaignRow::archiveReason),
            Map.entry("suspendedReason", CampaignRow::suspendedReason),
            Map.entry("error", CampaignRow::errorCode),
            Map.entry("statusReason", CampaignRow::statusReason));

    private int made;
    private int records;

    @Test
    void the_table_here_names_every_sort_field_the_index_offers() {
        assertThat(FIELDS.keySet()).containsExactlyInAnyOrderElementsOf(IndexSort.fields());
    }

    @Test
    void every_field_sorts_both_ways_across_shelves_with_empty_values_last_and_pages_that_never_overlap() {
        List<String> ids = new ArrayList<>();
        ids.add(running("delta", "boston", Channel.SMS, list("kilo", 10), OperatedBy.AGENT, "gotv", 2, 4, 1, 300, 1));
        ids.add(running("bravo", "austin", Channel.VOICE, list("alpha", 5), OperatedBy.VIRTUAL_ASSISTANT, "canvass",
                1, 1, 1, 900, 2));
        ids.add(running("echo", "chicago", Channel.VOICE, null, null, null, 0, 0, 0, 0, 0));
        ids.add(running("foxtrot", "boston", Channel.SMS, list("oscar", 3), OperatedBy.AGENT, "youth", 3, 2, 0, 100, 0));
        ids.add(draft("charlie", null, list("mike", 7), "zeta"));
        ids.add(draft("alpha", "denver", null, "beta"));
        ids.add(draft("golf", "austin", list("bravo", 2), null));
        String[] c = ids.toArray(String[]::new);
        scheduled(c[5]);
        warn(c[0]);
        suspend(c[1], "quota reached");
        error(c[2], "dialer", "trunk down");
        complete(c[3]);
        reject(c[6], "denied term");
        String archived = running("hotel", "boston", Channel.SMS, list("papa", 1), null, null, 0, 0, 0, 0, 0);
        archive(archived);

        List<CampaignRow> rows = ids.stream().map(this::row).toList();
        for (String field : FIELDS.keySet()) {
            for (boolean ascending : List.of(true, false)) {
                List<String> expected = rows.stream().sorted(order(FIELDS.get(field), ascending))
                        .map(CampaignRow::id).toList();
                IndexSort sort = IndexSort.of(field, ascending).orElseThrow();
                assertThat(ids(page(sort, 0, 50))).as(field + (ascending ? " asc" : " desc"))
                        .containsExactlyElementsOf(expected);
                List<String> paged = new ArrayList<>();
                for (int page = 0; page < 3; page++) {
                    paged.addAll(ids(page(sort, page, 3)));
                }
                assertThat(paged).as(field + (ascending ? " asc" : " desc") + " in pages of 3")
                        .containsExactlyElementsOf(expected);
            }
        }
        assertThat(page(IndexSort.DEFAULT, 0, 50).total()).isEqualTo(7);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<CampaignRow> order(Function<CampaignRow, Comparable<?>> value, boolean ascending) {
        Comparator<Comparable> direction = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
        Comparator<CampaignRow> byValue = Comparator.comparing(r -> (Comparable) value.apply(r),
                Comparator.nullsLast(direction));
        Comparator<CampaignRow> byId = Comparator.comparing(CampaignRow::id);
        return byValue.thenComparing(ascending ? byId : byId.reversed());
    }

    private CampaignPage page(IndexSort sort, int page, int size) {
        return ask(new ListCampaigns(IndexTab.ALL, null, null, null, null, null, sort, page, size, null),
                CampaignPage.class);
    }

    private static List<String> ids(CampaignPage page) {
        return page.items().stream().map(CampaignRow::id).toList();
    }

    private static ContactList list(String name, int size) {
        return new ContactList("list-" + name, name, size);
    }

    private String draft(String name, String office, ContactList contacts, String tag) {
        String id = UUID.randomUUID().toString();
        var timeline = index.campaign(id, T0.plus(ofMinutes(++made * 7L)));
        timeline.publish(new Created(id, Channel.SMS, settings(name, office, contacts, null, tag), null));
        return id;
    }

    /** Launched with one number and then sent, delivered, clicked, cost and caller logins as given. */
    private String running(String name, String office, Channel channel, ContactList contacts, OperatedBy operatedBy,
                           String tag, int messaged, int delivered, int clicks, long cost, int callers) {
        String id = UUID.randomUUID().toString();
        var timeline = index.campaign(id, T0.plus(ofMinutes(++made * 7L)));
        CampaignSettings settings = settings(name, office, contacts, operatedBy, tag);
        timeline.publish(new Created(id, channel, settings, null));
        timeline.after(ofMinutes(1)).publish(new LaunchRequested(id, "l", channel, settings, null));
        PhoneNumber number = new PhoneNumber("+1" + (200 + made) + "5550100", null, PhoneNumberMode.SINGLE_USE);
        timeline.after(ofMinutes(1)).publish(new Launched(id, "l", List.of(number), null));
        List<ActivityRecord> batch = new ArrayList<>();
        for (int i = 0; i < messaged; i++) {
            batch.add(record(channel == Channel.VOICE ? CALL_PLACED : MESSAGE_SENT, "c" + i, null, null));
        }
        for (int i = 0; i < delivered; i++) {
            batch.add(record(MESSAGE_DELIVERED, "c" + i, null, null));
        }
        for (int i = 0; i < clicks; i++) {
            batch.add(record(LINK_CLICKED, "c" + i, null, null));
        }
        batch.add(record(COST_INCURRED, "c0", cost, null));
        for (int i = 0; i < callers; i++) {
            batch.add(record(CALLER_LOGGED_IN, null, null, "caller-" + i));
        }
        timeline.after(ofMinutes(1)).publish(new ActivityRecorded(id, batch));
        return id;
    }

    private CampaignSettings settings(String name, String office, ContactList contacts, OperatedBy operatedBy,
                                      String tag) {
        return CampaignSettings.builder().name(name).office(office).contactList(contacts).operatedBy(operatedBy)
                .tags(tag == null ? List.of() : List.of(tag))
                .startAt(T0.plus(ofDays(10 - made))).endAt(made % 2 == 0 ? null : T0.plus(ofDays(40 + made)))
                .build();
    }

    private ActivityRecord record(ActivityType type, String contact, Long cost, String caller) {
        return new ActivityRecord("r" + ++records, type, T0.plus(ofDays(1)), contact == null ? null
                : ContactId.of(contact), null, null, null, null, cost, caller, null, null);
    }

    private void scheduled(String id) {
        next(id, new Scheduled(id, T0.plus(ofDays(3))), 1);
    }

    private void warn(String id) {
        next(id, new AutoArchiveWarned(id, T0.plus(ofDays(30))), 3);
    }

    private void suspend(String id, String reason) {
        next(id, new Suspended(id, reason), 3);
    }

    private void error(String id, String code, String message) {
        next(id, new Errored(id, code, message), 3);
    }

    private void complete(String id) {
        next(id, new Completed(id, false), 3);
    }

    private void reject(String id, String reason) {
        next(id, new LaunchRequested(id, "l", Channel.SMS, row(id).settings(), null), 1);
        next(id, new Rejected(id, "l", reason), 2);
    }

    private void archive(String id) {
        next(id, new Archived(id, null, List.of(), null), 3);
    }

    /** Publishes the campaign's event of sequence {@code sequence}, a day after the rest were made. */
    private void next(String id, Object event, long sequence) {
        index.redeliver(new GenericDomainEventMessage<>(ProjectionHarness.AGGREGATE_TYPE, id, sequence,
                event, Map.of(), UUID.randomUUID().toString(), T0.plus(ofDays(2)).plusSeconds(++made)));
    }
}
