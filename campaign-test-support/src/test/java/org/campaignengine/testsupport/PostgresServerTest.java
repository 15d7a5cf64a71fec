package org.campaignengine.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void a_configured_url_that_does_not_answer_means_no_server_even_if_another_would() {
        PostgresServer server = PostgresServer.find("jdbc:postgresql://127.0.0.1:1/postgres?user=ci&password=secret");

        assertThat(server.available()).isFalse();
        assertThat(server.description())
                .contains("CAMPAIGN_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:1/postgres")
                .doesNotContain("secret");
    }
}
