package org.campaignengine.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.junit.jupiter.api.Test;

@PrivatePostgresTest
class PrivatePostgresClusterTest {

    @Test
    void a_crashed_cluster_refuses_connections_and_comes_back_on_its_port_with_its_committed_rows() throws SQLException {
        try (PrivatePostgres cluster = PrivatePostgres.start()) {
            cluster.createDatabase("kept");
            String url = cluster.jdbcUrl("kept");
            try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE note (text varchar(20))");
                sql.execute("INSERT INTO note VALUES ('before the crash')");
            }

            cluster.crash();
            Properties quick = new Properties();
            quick.setProperty("connectTimeout", "2");
            assertThatThrownBy(() -> DriverManager.getConnection(url, quick).close()).isInstanceOf(SQLException.class);

            cluster.resume();
            try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement();
                 var rows = sql.executeQuery("SELECT text FROM note")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("before the crash");
            }
        }
    }
}
