package org.campaignengine.projections.statusindex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.campaignengine.domain.campaign.CampaignEvent;
import org.campaignengine.projections.tables.CommitBuffer;
import org.campaignengine.projections.tables.KeyLookup;
import org.campaignengine.projections.tables.NewRows;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The status index's rows for one batch of events. An event processor hands the index up to a few
 * hundred events in one unit of work; the rows of every campaign the batch names are read in one query
 * when its first event is handled, changed in memory by each event, and written when the batch commits:
 * new rows in one batched INSERT (a COPY on PostgreSQL), changed rows in one batched UPDATE. A campaign's
 * events therefore cost one read and one write per batch however many there are, which is what lets a
 * replay go at the speed of the event store. Each UPDATE names the version the row was read at; a row
 * changed meanwhile (a second node holding the segment a moment too long) fails the batch, which the
 * processor retries, and so does a new row another node inserted first.
 */
final class IndexWrites {

    private static final String BATCH = IndexWrites.class.getName() + ".rows";
    private static final String UPDATE = "UPDATE campaign_index SET "
            + String.join(", ", BatchIndexRow.COLUMNS.stream().filter(c -> !c.equals("id")).map(c -> c + " = ?").toList())
            + " WHERE id = ? AND version = ?";

    private final JdbcTemplate jdbc;
    private final NewRows newRows;

    IndexWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.newRows = new NewRows(jdbc, "campaign_index", BatchIndexRow.COLUMNS);
    }

    /** The campaign's row as the batch has it so far; empty if the campaign is not indexed. */
    Optional<BatchIndexRow> row(String campaignId) {
        Map<String, BatchIndexRow> rows = batch();
        if (!rows.containsKey(campaignId)) {
            rows.putAll(read(List.of(campaignId)));
            rows.putIfAbsent(campaignId, null);
        }
        return Optional.ofNullable(rows.get(campaignId));
    }

    /** A new row, written when the batch commits. */
    BatchIndexRow add(String campaignId) {
        BatchIndexRow row = BatchIndexRow.fresh(campaignId);
        batch().put(campaignId, row);
        return row;
    }

    private Map<String, BatchIndexRow> batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("the status index is written inside a unit of work");
        }
        UnitOfWork<?> unit = CommitBuffer.unit();
        return unit.getOrComputeResource(BATCH, name -> {
            Map<String, BatchIndexRow> rows = new HashMap<>();
            if (unit instanceof BatchingUnitOfWork<?> batch) {
                Set<String> named = campaigns(batch.getMessages());
                Map<String, BatchIndexRow> stored = read(named);
                named.forEach(id -> rows.put(id, stored.get(id)));
            }
            unit.onPrepareCommit(u -> write(rows.values()));
            return rows;
        });
    }

    private static Set<String> campaigns(List<?> messages) {
        Set<String> ids = new LinkedHashSet<>();
        for (Object each : messages) {
            EventMessage<?> message = (EventMessage<?>) each;
            if (CampaignEvent.class.isAssignableFrom(message.getPayloadType())) {
                ids.add(((CampaignEvent) message.getPayload()).campaignId());
            }
        }
        return ids;
    }

    private Map<String, BatchIndexRow> read(Collection<String> ids) {
        Map<String, BatchIndexRow> rows = new HashMap<>();
        new KeyLookup(jdbc).byUniqueKey(String.join(", ", BatchIndexRow.COLUMNS), "campaign_index", "id", String.class,
                ids, rs -> {
                    BatchIndexRow row = BatchIndexRow.read(rs);
                    rows.put(row.id(), row);
                });
        return rows;
    }

    private void write(Iterable<BatchIndexRow> rows) {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<BatchIndexRow> updated = new ArrayList<>();
        for (BatchIndexRow row : rows) {
            if (row == null || !row.changed()) {
                continue;
            }
            Object[] values = row.values();
            if (!row.stored()) {
                inserts.add(values);
                continue;
            }
            Object[] update = new Object[values.length + 1];
            System.arraycopy(values, 1, update, 0, values.length - 1);
            update[values.length - 1] = row.id();
            update[values.length] = row.storedVersion();
            updates.add(update);
            updated.add(row);
        }
        newRows.write(inserts);
        if (!updates.isEmpty()) {
            int[] counts = jdbc.batchUpdate(UPDATE, updates);
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    throw new IllegalStateException("campaign_index row " + updated.get(i).id() + " changed while "
                            + "this batch held it; the batch is retried");
                }
            }
        }
    }
}
