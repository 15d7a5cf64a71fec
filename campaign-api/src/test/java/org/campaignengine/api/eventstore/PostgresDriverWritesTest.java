package org.campaignengine.api.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.campaignengine.testsupport.FreshDatabase;
import org.campaignengine.testsupport.PostgresTest;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL driver the engine ships (pinned in the root {@code pom.xml}) sends a transaction's implicit
 * {@code BEGIN} in the same write to the socket as the transaction's first statement. Spring Boot's own
 * version (42.7.8) flushed the {@code BEGIN} on its own: one more system call for every command's and every
 * read model batch's transaction, about 4 % of the engine's CPU in a profile of saturated creates.
 */
@PostgresTest
class PostgresDriverWritesTest {

    @Test
    void aTransactionsFirstStatementLeavesInOneWriteWithItsBegin() throws Exception {
        try (FreshDatabase database = FreshDatabase.create();
             Connection connection = DriverManager.getConnection(database.jdbcUrl()
                     + (database.jdbcUrl().contains("?") ? "&" : "?") + "socketFactory="
                     + CountedSocketWrites.class.getName())) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE counted (id INT PRIMARY KEY)");
            }
            connection.commit();

            long before = CountedSocketWrites.WRITES.get();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO counted (id) VALUES (?)")) {
                insert.setInt(1, 1);
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            assertThat(CountedSocketWrites.WRITES.get() - before)
                    .as("writes to the socket for BEGIN and the transaction's first statement").isEqualTo(1);
            connection.commit();
            assertThat(CountedSocketWrites.WRITES.get() - before).as("and for the commit").isEqualTo(2);

            try (Statement sql = connection.createStatement();
                 ResultSet rows = sql.executeQuery("SELECT count(*) FROM counted")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).as("the insert was committed").isEqualTo(1);
            }
            connection.rollback();
        }
    }
}
