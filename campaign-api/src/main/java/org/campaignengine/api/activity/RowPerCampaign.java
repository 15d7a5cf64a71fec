package org.campaignengine.api.activity;

import java.sql.Savepoint;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A table of one row per campaign, moved in place by an update and made by the campaign's first insert: so
 * it stays one row however many batches arrive. Two first batches racing on two nodes both try the insert;
 * the loser updates instead.
 */
final class RowPerCampaign {

    private final JdbcTemplate jdbc;

    RowPerCampaign(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs {@code update}; when it finds no row, {@code insert}; when that finds one made meanwhile, {@code update}. */
    void move(String update, Object[] updateArguments, String insert, Object... insertArguments) {
        if (jdbc.update(update, updateArguments) > 0) {
            return;
        }
        try {
            inSavepoint(() -> jdbc.update(insert, insertArguments));
        } catch (DuplicateKeyException insertedMeanwhile) {
            jdbc.update(update, updateArguments);
        }
    }

    /** A refused statement leaves a PostgreSQL transaction usable for the statements after it. */
    void inSavepoint(Runnable work) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            work.run();
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            Savepoint savepoint = connection.setSavepoint();
            try {
                work.run();
            } catch (RuntimeException e) {
                connection.rollback(savepoint);
                throw e;
            }
            connection.releaseSavepoint(savepoint);
            return null;
        });
    }
}
