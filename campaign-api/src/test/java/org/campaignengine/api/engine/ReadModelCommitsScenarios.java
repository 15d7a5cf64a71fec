package org.campaignengine.api.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import com.zaxxer.hikari.HikariDataSource;

/** The read models' transactions: what they write is committed and seen; subclasses choose the database. */
abstract class ReadModelCommitsScenarios {

    abstract HikariDataSource database();

    JdbcTemplate jdbc;
    TransactionManager transactions;
    ReadModelCommits readModels;

    @BeforeEach
    void connect() {
        jdbc = new JdbcTemplate(database());
        transactions = new SpringTransactionManager(new DataSourceTransactionManager(database()));
        readModels = new ReadModelCommits(transactions, jdbc);
        jdbc.execute("CREATE TABLE IF NOT EXISTS read_model_commit_probe (id INT PRIMARY KEY)");
        jdbc.execute("DELETE FROM read_model_commit_probe");
    }

    @Test
    void what_a_read_models_transaction_wrote_is_committed_and_seen_by_every_other_session() {
        Transaction transaction = readModels.startTransaction();
        jdbc.update("INSERT INTO read_model_commit_probe (id) VALUES (1)");
        transaction.commit();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM read_model_commit_probe", Integer.class)).isEqualTo(1);
    }

    @Test
    void what_a_read_models_transaction_wrote_is_gone_when_it_rolls_back() {
        Transaction transaction = readModels.startTransaction();
        jdbc.update("INSERT INTO read_model_commit_probe (id) VALUES (1)");
        transaction.rollback();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM read_model_commit_probe", Integer.class)).isZero();
    }
}
