package org.campaignengine.api.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.common.transaction.Transaction;
import org.campaignengine.api.store.MigratedDatabase;
import org.campaignengine.testsupport.PostgresTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zaxxer.hikari.HikariDataSource;

/** On PostgreSQL a read model's transaction alone commits without waiting for the disk. */
@PostgresTest
class PostgresReadModelCommitsTest extends ReadModelCommitsScenarios {

    @RegisterExtension
    static final MigratedDatabase.PerClass database = MigratedDatabase.perClass();

    @Override
    HikariDataSource database() {
        return database.dataSource();
    }

    @Test
    void a_read_models_transaction_commits_without_waiting_for_the_disk_and_no_other_transaction_does() {
        Transaction readModel = readModels.startTransaction();
        assertThat(synchronousCommit()).isEqualTo("off");
        readModel.commit();

        Transaction other = transactions.startTransaction();
        assertThat(synchronousCommit()).as("SET LOCAL ends with its transaction").isEqualTo("on");
        other.commit();
        assertThat(synchronousCommit()).isEqualTo("on");
    }

    private String synchronousCommit() {
        return jdbc.queryForObject("SHOW synchronous_commit", String.class);
    }
}
