package org.campaignengine.api.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.campaignengine.domain.campaign.ActivityRecord;
import org.campaignengine.domain.campaign.ActivityType;
import org.campaignengine.domain.campaign.CampaignId;
import org.campaignengine.domain.campaign.ContactId;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

/** The activity store's contract on a migrated database; subclasses choose H2 or PostgreSQL. */
abstract class ActivityStoreScenarios {

    private static final Instant AT = Instant.parse("2026-11-24T12:00:00Z");

    abstract HikariDataSource database();

    private final CampaignId campaign = CampaignId.of(UUID.randomUUID().toString());

    private JdbcActivityStore store() {
        return new JdbcActivityStore(new JdbcTemplate(database()), 1_000);
    }

    private TransactionTemplate transaction() {
        return new TransactionTemplate(new DataSourceTransactionManager(database()));
    }

    @Test
    void a_kept_record_is_known_to_its_campaign_only() {
        store().keep(campaign, List.of(record("r-1", ActivityType.MESSAGE_SENT)), AT);
        assertThat(store().known(campaign, List.of("r-1", "r-2"))).containsExactly("r-1");
        assertThat(store().known(CampaignId.of(UUID.randomUUID().toString()), List.of("r-1"))).isEmpty();
    }

    @Test
    void ten_thousand_ids_are_looked_up_and_kept_in_one_call() {
        List<ActivityRecord> batch = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            batch.add(record("bulk-" + i, ActivityType.MESSAGE_DELIVERED));
        }
        assertThat(store().keep(campaign, batch, AT)).hasSize(10_000);
        assertThat(store().known(campaign, batch.stream().map(ActivityRecord::recordId).toList())).hasSize(10_000);
    }

    /** PostgreSQL copies the keys in as CSV: no record id can break out of its field. */
    @Test
    void record_ids_with_commas_quotes_backslashes_and_line_breaks_are_kept_as_they_are() {
        List<String> ids = List.of("a,b", "say \"hi\"", "back\\slash", "two\nlines", "tab\there", "\"", ",", " ");
        store().keep(campaign, ids.stream().map(id -> record(id, ActivityType.MESSAGE_SENT)).toList(), AT);
        assertThat(store().known(campaign, ids)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(store().known(campaign, List.of("a", "b", "say hi"))).isEmpty();
    }

    /** The other node's store does not remember r-1: the key refuses it and the transaction goes on. */
    @Test
    void a_record_another_node_kept_before_is_not_kept_again_and_the_rest_of_the_batch_is() {
        store().keep(campaign, List.of(record("r-1", ActivityType.MESSAGE_SENT)), AT);
        JdbcActivityStore other = store();
        assertThat(other.recentlyKnown(campaign, List.of("r-1"))).isEmpty();

        Set<String> kept = transaction().execute(tx -> {
            Set<String> first = other.keep(campaign, List.of(record("r-2", ActivityType.MESSAGE_SENT),
                    record("r-1", ActivityType.MESSAGE_SENT)), AT);
            other.keep(campaign, List.of(record("r-3", ActivityType.MESSAGE_SENT)), AT);
            return first;
        });

        assertThat(kept).containsExactly("r-2");
        assertThat(store().known(campaign, List.of("r-1", "r-2", "r-3")))
                .containsExactlyInAnyOrder("r-1", "r-2", "r-3");
        assertThat(other.recentlyKnown(campaign, List.of("r-1", "r-2", "r-3")))
                .containsExactlyInAnyOrder("r-1", "r-2", "r-3");
    }

    @Test
    void ids_are_recalled_without_a_look_up_only_once_their_transaction_committed() {
        JdbcActivityStore store = store();
        assertThatThrownBy(() -> transaction().executeWithoutResult(tx -> {
            store.keep(campaign, List.of(record("r-1", ActivityType.MESSAGE_SENT)), AT);
            assertThat(store.recentlyKnown(campaign, List.of("r-1"))).as("not committed yet").isEmpty();
            throw new IllegalStateException("the command failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.recentlyKnown(campaign, List.of("r-1"))).as("rolled back").isEmpty();
        assertThat(store.known(campaign, List.of("r-1"))).isEmpty();

        transaction().executeWithoutResult(tx -> store.keep(campaign,
                List.of(record("r-1", ActivityType.MESSAGE_SENT)), AT));

        assertThat(store.recentlyKnown(campaign, List.of("r-1", "r-2"))).containsExactly("r-1");
    }

    @Test
    void a_node_remembering_no_ids_looks_every_one_up_and_still_keeps_none_twice() {
        JdbcActivityStore forgetful = new JdbcActivityStore(new JdbcTemplate(database()), 0);
        forgetful.keep(campaign, List.of(record("r-1", ActivityType.MESSAGE_SENT)), AT);

        assertThat(forgetful.recentlyKnown(campaign, List.of("r-1"))).isEmpty();
        assertThat(forgetful.keep(campaign, List.of(record("r-1", ActivityType.MESSAGE_SENT),
                record("r-2", ActivityType.MESSAGE_SENT)), AT)).containsExactly("r-2");
    }

    @Test
    void last_activity_is_the_latest_arrival_of_activity_that_keeps_a_campaign_alive() {
        assertThat(new JdbcLastActivity(new JdbcTemplate(database())).lastActivityAt(campaign)).isEmpty();
        store().keep(campaign, List.of(record("r-1", ActivityType.REPLY_RECEIVED)), AT);
        store().keep(campaign, List.of(record("r-2", ActivityType.MESSAGE_DELIVERED)), AT.plusSeconds(60));
        assertThat(new JdbcLastActivity(new JdbcTemplate(database())).lastActivityAt(campaign)).contains(AT);
        store().keep(campaign, List.of(record("r-3", ActivityType.MESSAGE_SENT)), AT.plusSeconds(120));
        assertThat(new JdbcLastActivity(new JdbcTemplate(database())).lastActivityAt(campaign)).contains(AT.plusSeconds(120));
    }

    /** One row per campaign, moved in place: the table does not grow with the batches. */
    @Test
    void last_activity_stays_one_row_per_campaign_however_many_batches_arrive() {
        for (int i = 0; i < 5; i++) {
            int second = i;
            transaction().executeWithoutResult(tx -> store().keep(campaign,
                    List.of(record("row-" + second, ActivityType.MESSAGE_SENT)), AT.plusSeconds(second)));
        }
        store().keep(campaign, List.of(record("row-early", ActivityType.REPLY_RECEIVED)), AT.minusSeconds(60));
        assertThat(new JdbcTemplate(database()).queryForObject(
                "SELECT COUNT(*) FROM campaign_last_activity WHERE campaign_id = ?", Integer.class, campaign.value()))
                .isEqualTo(1);
        assertThat(new JdbcLastActivity(new JdbcTemplate(database())).lastActivityAt(campaign))
                .contains(AT.plusSeconds(4));
    }

    @Test
    void conversation_tags_are_kept_per_conversation() {
        ContactId ada = ContactId.of("ada");
        ContactId bob = ContactId.of("bob");
        transaction().executeWithoutResult(tx -> store().tagConversations(campaign,
                Map.of(ada, Set.of("donor"), bob, Set.of("volunteer", "youth"))));
        transaction().executeWithoutResult(tx -> store().tagConversations(campaign, Map.of(ada, Set.of("donor", "vip"))));
        Map<ContactId, Set<String>> tags = transaction().execute(tx -> store().conversationTags(campaign,
                Set.of(ada, bob, ContactId.of("carol"))));
        assertThat(tags).containsOnlyKeys(ada, bob);
        assertThat(tags.get(ada)).containsExactlyInAnyOrder("donor", "vip");
        assertThat(tags.get(bob)).containsExactlyInAnyOrder("volunteer", "youth");
    }

    private static ActivityRecord record(String id, ActivityType type) {
        return new ActivityRecord(id, type, AT, ContactId.of("contact-1"), null, null, null, null, null, null,
                List.of(), null);
    }
}
