package org.campaignengine.projections.statusindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.campaignengine.domain.campaign.CampaignEvent.*;
import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.projections.ProjectionDatabase;
import org.campaignengine.testsupport.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Index pages and tab counts on PostgreSQL, in a database of its own that is dropped after the class; and the plan
 * of a page sorted by an activity figure, whose sort index holds only shelves that can record activity (V29).
 */
@PostgresTest
class CampaignIndexSearchPostgresTest extends CampaignIndexSearchContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.postgres();
    }

    /**
     * The page's own statement, planned as the server would plan it once cached for any parameter values, with
     * sequential scans and sorts priced out so the plan shows which indexes can serve each shelf: the launched
     * shelves read the figure's partial index, drafts and scheduled campaigns the index (shelf, row key).
     */
    @Test
    void a_page_sorted_by_an_activity_figure_reads_each_shelf_from_an_index_that_holds_it() {
        for (int i = 0; i < 3; i++) {
            String id = UUID.randomUUID().toString();
            var timeline = index.campaign(id, T0.plusSeconds(i));
            CampaignSettings settings = CampaignSettings.builder().name("figure " + i).office("Boston").build();
            timeline.publish(new Created(id, Channel.SMS, settings, null));
            if (i > 0) {
                timeline.publish(new LaunchRequested(id, "launch-" + id, Channel.SMS, settings, null));
                timeline.publish(new Launched(id, "launch-" + id, NUMBERS, null));
            }
        }
        List<Sent> statements = new ArrayList<>();
        CampaignIndexSearch search = recordingSearch(statements);
        for (String field : List.of("recipients", "clickThroughRate", "costMicros", "callersLoggedIn")) {
            statements.clear();
            CampaignPage page = search.page(new ListCampaigns(IndexTab.ALL, null, null, null, null, null,
                    IndexSort.of(field, false).orElseThrow(), 0, 10, Set.of("Boston")));
            assertThat(page.items()).as(field).hasSize(3);
            assertThat(statements).as(field).hasSize(1);
            String plan = genericPlan(statements.get(0));
            String figureIndex = "campaign_index_shelf_" + switch (field) {
                case "recipients" -> "recipients";
                case "clickThroughRate" -> "ctr";
                case "costMicros" -> "cost";
                default -> "callers";
            };
            assertThat(plan).as(field).contains(figureIndex + " on campaign_index")
                    .contains("campaign_index_shelf_row on campaign_index").doesNotContain("Seq Scan");
            // each shelf's rows come from its index in page order: at most the merge of the shelves sorts (a Merge
            // Append names its sort key without sorting; a Sort node does)
            assertThat(sortNodes(plan)).as(field + ": sorts in\n" + plan).isLessThanOrEqualTo(1);
        }
    }

    /**
     * A page filtered to an office reads only the shelves where the office has campaigns, and a shelf where it has
     * few of many through the office's index (sorting those few), not by passing over the others in page order:
     * even with sorts priced out, the fenced branch cannot be served by the sort column's index.
     */
    @Test
    void an_office_with_few_of_a_shelfs_campaigns_is_read_through_its_own_index() {
        lisbonAmongBostonDrafts();
        List<Sent> statements = new ArrayList<>();
        CampaignIndexSearch search = recordingSearch(statements);

        CampaignPage page = search.page(lisbon("createdAt", false, null, 0, 2));

        assertThat(page.items()).hasSize(2);
        assertThat(statements).hasSize(1);
        String sql = statements.get(0).sql();
        assertThat(sql).as("the draft and scheduled shelves only").contains("shelf = " + Shelf.DRAFT.code())
                .contains("shelf = " + Shelf.SCHEDULED.code()).doesNotContain("shelf = " + Shelf.ACTIVE.code());
        String plan = genericPlan(statements.get(0));
        // the scheduled shelf (Lisbon's two of two) in order from the creation time's index; the drafts' branch
        // (Lisbon's two of fourteen) fenced, so even with sorts priced out it sorts them rather than read that index
        assertThat(plan.split("campaign_index_shelf_created on campaign_index", -1).length - 1).as(plan).isEqualTo(1);
        assertThat(sortNodes(plan)).as(plan).isEqualTo(1);
        assertThat(plan).as(plan).doesNotContain("Seq Scan");
    }

    private static long sortNodes(String plan) {
        return plan.lines().filter(line -> line.trim().replaceFirst("^->\\s*", "").startsWith("Sort  (")).count();
    }

    /** A search whose page queries (not its counter reads) are added to {@code statements} as they are sent. */
    private CampaignIndexSearch recordingSearch(List<Sent> statements) {
        JdbcTemplate recording = new JdbcTemplate(database.jdbc().getDataSource()) {
            @Override
            public <T> List<T> query(String sql, RowMapper<T> rowMapper, Object... args) {
                statements.add(new Sent(sql, args));
                return super.query(sql, rowMapper, args);
            }
        };
        return new CampaignIndexSearch(recording, new CampaignRowMapper(ProjectionDatabase.objectMapper()),
                new TabCounters(recording));
    }

    /** A statement the search sent, with its parameters. */
    private record Sent(String sql, Object[] args) {
    }

    private String genericPlan(Sent sent) {
        return database.jdbc().execute((ConnectionCallback<String>) c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SET plan_cache_mode = force_generic_plan");
                s.execute("SET enable_seqscan = off");
                s.execute("SET enable_sort = off");
                StringBuilder plan = new StringBuilder();
                try (PreparedStatement explain = c.prepareStatement("EXPLAIN " + sent.sql())) {
                    for (int i = 0; i < sent.args().length; i++) {
                        explain.setObject(i + 1, sent.args()[i]);
                    }
                    try (ResultSet rs = explain.executeQuery()) {
                        while (rs.next()) {
                            plan.append(rs.getString(1)).append('\n');
                        }
                    }
                } finally {
                    s.execute("RESET plan_cache_mode");
                    s.execute("RESET enable_seqscan");
                    s.execute("RESET enable_sort");
                }
                return plan.toString();
            }
        });
    }
}
