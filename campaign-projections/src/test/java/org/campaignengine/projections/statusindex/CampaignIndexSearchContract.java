package org.campaignengine.projections.statusindex;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.campaignengine.domain.campaign.ArchiveReason;
import org.campaignengine.domain.campaign.CampaignEvent.*;
import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.CampaignStatus;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.domain.campaign.PhoneNumber;
import org.campaignengine.domain.campaign.PhoneNumberMode;
import org.junit.jupiter.api.Test;

/** Index pages and tab counts, read after real event streams; run once per database by each subclass. */
abstract class CampaignIndexSearchContract extends StatusIndexTest {

    static final Instant T0 = Instant.parse("2026-05-04T12:00:00Z");
    static final List<PhoneNumber> NUMBERS = List.of(new PhoneNumber("+14155550101", "415", PhoneNumberMode.SINGLE_USE));

    private int made;

    /** A campaign brought to {@code status} by the events that lead there, created {@code made} minutes after T0. */
    private String campaign(String name, String office, Channel channel, List<String> tags, CampaignStatus status) {
        String id = UUID.randomUUID().toString();
        var timeline = index.campaign(id, T0.plus(ofMinutes(++made)));
        CampaignSettings settings = CampaignSettings.builder().name(name).office(office).tags(tags).build();
        timeline.publish(new Created(id, channel, settings, null));
        String launch = "launch-" + id;
        switch (status) {
            case DRAFT -> {
            }
            case SCHEDULED -> timeline.publish(new Scheduled(id, T0.plusSeconds(86_400)));
            case REJECTED -> {
                timeline.publish(new LaunchRequested(id, launch, channel, settings, null));
                timeline.publish(new Rejected(id, launch, "denied term"));
            }
            case LAUNCHING -> timeline.publish(new LaunchRequested(id, launch, channel, settings, null));
            case DELETED -> timeline.publish(new Deleted(id));
            default -> {
                timeline.publish(new LaunchRequested(id, launch, channel, settings, null));
                timeline.publish(new Launched(id, launch, NUMBERS, null));
                switch (status) {
                    case PAUSED -> timeline.publish(new Paused(id));
                    case SUSPENDED -> timeline.publish(new Suspended(id, "domains exhausted"));
                    case COMPLETED -> timeline.publish(new Completed(id, false));
                    case ARCHIVED -> timeline.publish(new Archived(id, ArchiveReason.MANUAL, NUMBERS, null));
                    default -> {
                    }
                }
            }
        }
        return id;
    }

    private String campaign(String name, CampaignStatus status) {
        return campaign(name, "Boston", Channel.SMS, List.of(), status);
    }

    private CampaignPage page(IndexTab tab, String q, String tag, IndexSort sort, int page, int size, Set<String> offices) {
        return ask(new ListCampaigns(tab, q, tag, null, null, null, sort, page, size, offices), CampaignPage.class);
    }

    private List<String> names(CampaignPage page) {
        return page.items().stream().map(r -> r.settings().name()).toList();
    }

    private CampaignPage all() {
        return page(null, null, null, IndexSort.of("name", true).orElseThrow(), 0, 50, null);
    }

    @Test
    void each_tab_lists_its_statuses_and_all_leaves_out_archived() {
        for (CampaignStatus status : CampaignStatus.values()) {
            if (status != CampaignStatus.ERRORED && status != CampaignStatus.STOPPED) {
                campaign(status.name(), status);
            }
        }
        IndexSort byName = IndexSort.of("name", true).orElseThrow();
        assertThat(names(page(IndexTab.ACTIVE, null, null, byName, 0, 50, null))).containsExactly("ACTIVE", "LAUNCHING");
        assertThat(names(page(IndexTab.SCHEDULED, null, null, byName, 0, 50, null))).containsExactly("SCHEDULED");
        assertThat(names(page(IndexTab.DRAFT, null, null, byName, 0, 50, null))).containsExactly("DRAFT", "REJECTED");
        assertThat(names(page(IndexTab.PAUSED, null, null, byName, 0, 50, null))).containsExactly("PAUSED", "SUSPENDED");
        assertThat(names(page(IndexTab.ARCHIVED, null, null, byName, 0, 50, null))).containsExactly("ARCHIVED");
        assertThat(names(all())).containsExactly("ACTIVE", "COMPLETED", "DRAFT", "LAUNCHING", "PAUSED", "REJECTED",
                "SCHEDULED", "SUSPENDED");
    }

    @Test
    void tab_counts_match_the_tabs_and_never_count_deleted_campaigns() {
        campaign("a", CampaignStatus.ACTIVE);
        campaign("b", CampaignStatus.LAUNCHING);
        campaign("c", CampaignStatus.DRAFT);
        campaign("d", CampaignStatus.REJECTED);
        campaign("e", CampaignStatus.ARCHIVED);
        campaign("f", CampaignStatus.DELETED);
        campaign("g", CampaignStatus.SUSPENDED);
        campaign("h", CampaignStatus.COMPLETED);
        assertThat(ask(new CountTabs(null), TabCounts.class)).isEqualTo(new TabCounts(2, 0, 2, 1, 1, 6));
    }

    @Test
    void search_ignores_case_and_takes_wildcards_literally() {
        campaign("Spring Canvass", CampaignStatus.DRAFT);
        campaign("spring phone bank", CampaignStatus.DRAFT);
        campaign("100% turnout", CampaignStatus.DRAFT);
        campaign("1000 doors", CampaignStatus.DRAFT);
        assertThat(names(page(null, "SPRING", null, IndexSort.of("name", true).orElseThrow(), 0, 50, null)))
                .containsExactly("Spring Canvass", "spring phone bank");
        assertThat(names(page(null, "100%", null, null, 0, 50, null))).containsExactly("100% turnout");
        assertThat(names(page(null, "_", null, null, 0, 50, null))).isEmpty();
    }

    @Test
    void filters_by_exact_tag_channel_office_and_status() {
        campaign("tagged", "Boston", Channel.SMS, List.of("gotv", "youth"), CampaignStatus.DRAFT);
        campaign("near miss", "Boston", Channel.SMS, List.of("gotv-2"), CampaignStatus.DRAFT);
        campaign("voice", "Boston", Channel.VOICE, List.of(), CampaignStatus.ACTIVE);
        campaign("lisbon", "Lisbon", Channel.SMS, List.of(), CampaignStatus.ACTIVE);
        assertThat(names(page(null, null, "gotv", null, 0, 50, null))).containsExactly("tagged");
        assertThat(names(ask(new ListCampaigns(null, null, null, Channel.VOICE, null, null, null, 0, 50, null),
                CampaignPage.class))).containsExactly("voice");
        assertThat(names(ask(new ListCampaigns(null, null, null, null, "Lisbon", null, null, 0, 50, null),
                CampaignPage.class))).containsExactly("lisbon");
        assertThat(names(ask(new ListCampaigns(null, null, null, null, null, CampaignStatus.ACTIVE,
                IndexSort.of("name", false).orElseThrow(), 0, 50, null), CampaignPage.class))).containsExactly("voice", "lisbon");
    }

    @Test
    void sorts_by_name_ignoring_case_and_by_dates_either_way() {
        campaign("beta", CampaignStatus.DRAFT);
        campaign("Alpha", CampaignStatus.DRAFT);
        campaign("gamma", CampaignStatus.DRAFT);
        assertThat(names(page(null, null, null, IndexSort.of("name", true).orElseThrow(), 0, 50, null)))
                .containsExactly("Alpha", "beta", "gamma");
        assertThat(names(page(null, null, null, IndexSort.of("name", false).orElseThrow(), 0, 50, null)))
                .containsExactly("gamma", "beta", "Alpha");
        assertThat(names(page(null, null, null, IndexSort.of("createdAt", true).orElseThrow(), 0, 50, null)))
                .containsExactly("beta", "Alpha", "gamma");
        assertThat(names(page(null, null, null, null, 0, 50, null))).as("newest change first by default")
                .containsExactly("gamma", "Alpha", "beta");
        assertThat(IndexSort.of("name; DROP TABLE campaign_index", true)).isEmpty();
    }

    @Test
    void pages_do_not_overlap_and_report_the_total() {
        for (int i = 0; i < 7; i++) {
            campaign("campaign " + i, CampaignStatus.DRAFT);
        }
        IndexSort byName = IndexSort.of("name", true).orElseThrow();
        CampaignPage first = page(null, null, null, byName, 0, 3, null);
        CampaignPage last = page(null, null, null, byName, 2, 3, null);
        assertThat(names(first)).containsExactly("campaign 0", "campaign 1", "campaign 2");
        assertThat(names(last)).containsExactly("campaign 6");
        assertThat(first.total()).isEqualTo(7);
        assertThat(last.page()).isEqualTo(2);
        assertThat(last.size()).isEqualTo(3);
    }

    /** Lisbon's four campaigns among twelve Boston drafts and a Boston campaign on a shelf Lisbon has none on. */
    void lisbonAmongBostonDrafts() {
        for (int i = 0; i < 12; i++) {
            campaign("boston draft " + i, "Boston", Channel.SMS, List.of(), CampaignStatus.DRAFT);
        }
        campaign("lisbon draft 1", "Lisbon", Channel.SMS, List.of(), CampaignStatus.DRAFT);
        campaign("boston active", "Boston", Channel.SMS, List.of(), CampaignStatus.ACTIVE);
        campaign("lisbon scheduled 1", "Lisbon", Channel.SMS, List.of(), CampaignStatus.SCHEDULED);
        campaign("lisbon draft 2", "Lisbon", Channel.SMS, List.of(), CampaignStatus.DRAFT);
        campaign("lisbon scheduled 2", "Lisbon", Channel.SMS, List.of(), CampaignStatus.SCHEDULED);
    }

    static ListCampaigns lisbon(String sort, boolean ascending, CampaignStatus status, int page, int size) {
        return new ListCampaigns(null, null, null, null, "Lisbon", status, IndexSort.of(sort, ascending).orElseThrow(),
                page, size, null);
    }

    @Test
    void an_office_filter_pages_through_shelves_where_the_office_has_few_campaigns_or_none() {
        lisbonAmongBostonDrafts();

        CampaignPage first = ask(lisbon("createdAt", false, null, 0, 2), CampaignPage.class);
        CampaignPage second = ask(lisbon("createdAt", false, null, 1, 2), CampaignPage.class);
        assertThat(names(first)).containsExactly("lisbon scheduled 2", "lisbon draft 2");
        assertThat(names(second)).containsExactly("lisbon scheduled 1", "lisbon draft 1");
        assertThat(names(ask(lisbon("createdAt", false, null, 2, 2), CampaignPage.class))).isEmpty();
        assertThat(first.total()).isEqualTo(4);
        assertThat(names(ask(lisbon("name", true, null, 0, 10), CampaignPage.class)))
                .containsExactly("lisbon draft 1", "lisbon draft 2", "lisbon scheduled 1", "lisbon scheduled 2");
        assertThat(names(ask(lisbon("name", true, CampaignStatus.SCHEDULED, 0, 10), CampaignPage.class)))
                .containsExactly("lisbon scheduled 1", "lisbon scheduled 2");
        assertThat(ask(lisbon("name", true, CampaignStatus.ACTIVE, 0, 10), CampaignPage.class).total()).isZero();

        // a column drafts leave empty: the launch times first, then the empties
        CampaignPage launches = ask(lisbon("launchAt", true, null, 0, 3), CampaignPage.class);
        CampaignPage rest = ask(lisbon("launchAt", true, null, 1, 3), CampaignPage.class);
        assertThat(names(launches).subList(0, 2)).containsExactlyInAnyOrder("lisbon scheduled 1", "lisbon scheduled 2");
        assertThat(names(launches).subList(2, 3)).containsAnyOf("lisbon draft 1", "lisbon draft 2");
        assertThat(names(rest)).hasSize(1).doesNotContainAnyElementsOf(names(launches));
        assertThat(launches.total()).isEqualTo(4);
    }

    @Test
    void an_office_scope_limits_lists_and_counts_to_its_offices() {
        campaign("boston", "Boston", Channel.SMS, List.of(), CampaignStatus.ACTIVE);
        campaign("lisbon", "Lisbon", Channel.SMS, List.of(), CampaignStatus.ACTIVE);
        campaign("no office", null, Channel.SMS, List.of(), CampaignStatus.DRAFT);
        assertThat(names(page(null, null, null, null, 0, 50, Set.of("Lisbon")))).containsExactly("lisbon");
        assertThat(page(null, null, null, null, 0, 50, Set.of("Lisbon")).total()).isEqualTo(1);
        assertThat(page(null, null, null, null, 0, 50, Set.of())).extracting(CampaignPage::total).isEqualTo(0L);
        assertThat(page(null, null, null, null, 0, 50, null).total()).isEqualTo(3);
        assertThat(ask(new CountTabs(Set.of("Lisbon")), TabCounts.class)).isEqualTo(new TabCounts(1, 0, 0, 0, 0, 1));
        assertThat(ask(new CountTabs(Set.of()), TabCounts.class)).isEqualTo(new TabCounts(0, 0, 0, 0, 0, 0));
        assertThat(names(ask(new ListCampaigns(null, null, null, null, "Boston", null, null, 0, 50, Set.of("Lisbon")),
                CampaignPage.class))).as("an office filter cannot widen the scope").isEmpty();
    }
}
