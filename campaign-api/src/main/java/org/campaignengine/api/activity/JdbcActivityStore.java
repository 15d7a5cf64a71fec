package org.campaignengine.api.activity;

import java.sql.Array;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.modelling.command.ConcurrencyException;
import org.campaignengine.domain.campaign.ActivityRecord;
import org.campaignengine.domain.campaign.ActivityStore;
import org.campaignengine.domain.campaign.CampaignId;
import org.campaignengine.domain.campaign.ContactId;
import org.campaignengine.projections.tables.KeyLookup;
import org.campaignengine.projections.tables.NewRows;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The activity store on the engine's database, in the command's transaction. The primary key
 * (campaign, record id) makes a record count once, across nodes and forever.
 *
 * <p>Inside a transaction keeping is optimistic: the batch's ids are inserted at once, in a savepoint,
 * without first asking which of them are kept already; only when the key refuses one (a record sent
 * again that this node did not remember) does the store roll back to the savepoint, look the ids up and
 * insert the rest. The ids this node kept or found lately are remembered ({@link #recentlyKnown}, a
 * bounded cache filled once their transaction has committed), so a re-sent batch's duplicates cost no
 * look-up either. A record another node keeps between that look-up and the insert still fails the
 * insert, which is answered as a concurrent change: the command is retried and then finds the record
 * known. The cache only ever says "kept"; an id it does not hold is decided by the database. Portable
 * SQL, the same on H2 and PostgreSQL.
 *
 * <p>A batch that keeps records moves two one-row-per-campaign values in place: the count of kept records
 * (the intake's {@code activityVersion}) and, for activity that keeps a campaign alive, its
 * {@link JdbcLastActivity last activity}.
 */
public class JdbcActivityStore implements ActivityStore {

    private static final String TAG_SEPARATOR = "\n";

    private final JdbcTemplate jdbc;
    private final KeyLookup keys;
    /** New keys: through COPY on PostgreSQL (every field quoted), a batched INSERT on H2. */
    private final NewRows newRecords;
    /** Ids (campaign and record) kept or found kept by transactions that have committed. */
    private final RecentIds recent;
    private final JdbcLastActivity lastActivity;
    /** The campaign's count of kept records, and the savepoint an insert that may be refused runs in. */
    private final RowPerCampaign rows;

    public JdbcActivityStore(JdbcTemplate jdbc, int recentIds) {
        this.jdbc = jdbc;
        this.keys = new KeyLookup(jdbc);
        this.newRecords = new NewRows(jdbc, "activity_record", List.of("campaign_id", "record_id", "recorded_at"));
        this.recent = new RecentIds(recentIds);
        this.lastActivity = new JdbcLastActivity(jdbc);
        this.rows = new RowPerCampaign(jdbc);
    }

    @Override
    public Set<String> known(CampaignId campaign, Collection<String> recordIds) {
        Set<String> known = new HashSet<>();
        keys.query("record_id", "activity_record", "record_id", campaign.value(), recordIds, "", rs -> {
            known.add(rs.getString(1));
        });
        afterCommit(() -> remember(campaign, known));
        return known;
    }

    @Override
    public Set<String> recentlyKnown(CampaignId campaign, Collection<String> recordIds) {
        return recent.known(campaign.value(), recordIds);
    }

    @Override
    public Set<String> keep(CampaignId campaign, List<ActivityRecord> records, Instant recordedAt) {
        OffsetDateTime at = recordedAt.atOffset(ZoneOffset.UTC);
        List<ActivityRecord> fresh = records;
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            try {
                rows.inSavepoint(() -> insert(campaign, records, at));
            } catch (DuplicateKeyException keptBefore) {
                fresh = lookUpAndInsert(campaign, records, at);
            }
        } else {
            fresh = lookUpAndInsert(campaign, records, at);
        }
        if (!fresh.isEmpty()) {
            count(campaign, fresh.size());
        }
        if (fresh.stream().anyMatch(r -> r.type().resetsInactivity())) {
            lastActivity.note(campaign, recordedAt);
        }
        Set<String> kept = new LinkedHashSet<>();
        fresh.forEach(r -> kept.add(r.recordId()));
        afterCommit(() -> remember(campaign, kept));
        return kept;
    }

    @Override
    public long recordCount(CampaignId campaign) {
        List<Long> count = jdbc.queryForList("SELECT records FROM campaign_activity_count WHERE campaign_id = ?",
                Long.class, campaign.value());
        return count.isEmpty() ? 0 : count.get(0);
    }

    /** Moves the campaign's count of kept records in place; the first batch of a campaign writes its row. */
    private void count(CampaignId campaign, int kept) {
        rows.move("UPDATE campaign_activity_count SET records = records + ? WHERE campaign_id = ?",
                new Object[] {kept, campaign.value()},
                "INSERT INTO campaign_activity_count (campaign_id, records) VALUES (?, ?)", campaign.value(), kept);
    }

    /** The records not kept before, inserted; outside a transaction every keep goes this way. */
    private List<ActivityRecord> lookUpAndInsert(CampaignId campaign, List<ActivityRecord> records, OffsetDateTime at) {
        Set<String> known = known(campaign, records.stream().map(ActivityRecord::recordId).toList());
        List<ActivityRecord> fresh = records.stream().filter(r -> !known.contains(r.recordId())).toList();
        try {
            insert(campaign, fresh, at);
        } catch (DuplicateKeyException raced) {
            throw new ConcurrencyException("activity of campaign " + campaign + " was kept by another request "
                    + "at the same moment", raced);
        }
        return fresh;
    }

    private void insert(CampaignId campaign, List<ActivityRecord> records, OffsetDateTime at) {
        List<Object[]> rows = new ArrayList<>(records.size());
        for (ActivityRecord record : records) {
            rows.add(new Object[] {campaign.value(), record.recordId(), at});
        }
        newRecords.write(rows);
    }

    /**
     * Runs the work so that its failure leaves the transaction as it was before: a failed statement
     * aborts a PostgreSQL transaction, and a failed batch may have inserted part of itself on H2.
     */
    private void remember(CampaignId campaign, Collection<String> recordIds) {
        recent.add(campaign.value(), recordIds);
    }

    /** Once the transaction has committed, or now outside one: the cache never holds an id rolled back. */
    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    @Override
    public Map<ContactId, Set<String>> conversationTags(CampaignId campaign, Set<ContactId> contacts) {
        Map<ContactId, Set<String>> tags = new HashMap<>();
        withArray(contacts.stream().map(ContactId::value).toList(), ids -> jdbc.query(
                "SELECT contact_id, tags FROM conversation_tag WHERE campaign_id = ? AND contact_id = ANY(?) "
                        + "FOR UPDATE", rs -> {
                    tags.put(ContactId.of(rs.getString(1)),
                            new LinkedHashSet<>(Arrays.asList(rs.getString(2).split(TAG_SEPARATOR))));
                }, campaign.value(), ids));
        return tags;
    }

    @Override
    public void tagConversations(CampaignId campaign, Map<ContactId, Set<String>> tags) {
        try {
            tags.forEach((contact, set) -> {
                String joined = String.join(TAG_SEPARATOR, set);
                if (jdbc.update("UPDATE conversation_tag SET tags = ? WHERE campaign_id = ? AND contact_id = ?",
                        joined, campaign.value(), contact.value()) == 0) {
                    jdbc.update("INSERT INTO conversation_tag (campaign_id, contact_id, tags) VALUES (?, ?, ?)",
                            campaign.value(), contact.value(), joined);
                }
            });
        } catch (DuplicateKeyException raced) {
            throw new ConcurrencyException("a conversation of campaign " + campaign + " was tagged by another "
                    + "request at the same moment", raced);
        }
    }

    private void withArray(Collection<String> values, ArrayUse use) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            Array array = connection.createArrayOf("VARCHAR", values.toArray());
            try {
                use.accept(array);
            } finally {
                array.free();
            }
            return null;
        });
    }

    @FunctionalInterface
    private interface ArrayUse {
        void accept(Array array);
    }
}
