package org.campaignengine.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;

class StoreUnavailableTest {

    @Test
    void a_pool_that_cannot_hand_out_a_connection_is_an_unavailable_store() {
        assertThat(StoreUnavailable.causes(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("request timed out after 3000ms")))).isTrue();
    }

    @Test
    void an_account_lookup_that_failed_on_the_database_is_an_unavailable_store_not_bad_credentials() {
        assertThat(StoreUnavailable.causes(new InternalAuthenticationServiceException("lookup failed",
                new CannotGetJdbcConnectionException("no connection")))).isTrue();
        assertThat(StoreUnavailable.causes(new BadCredentialsException("wrong password"))).isFalse();
    }

    @Test
    void a_connection_failure_wrapped_by_the_command_bus_is_an_unavailable_store() {
        SQLException cut = new SQLException("An I/O error occurred while sending to the backend", "08006");
        assertThat(StoreUnavailable.causes(new CommandExecutionException("failed", new IllegalStateException(cut)))).isTrue();
    }

    @Test
    void a_server_shutting_down_or_starting_up_is_an_unavailable_store() {
        assertThat(StoreUnavailable.causes(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        assertThat(StoreUnavailable.causes(new SQLException("the database system is starting up", "57P03"))).isTrue();
    }

    @Test
    void a_refused_statement_or_a_bug_is_not_an_unavailable_store() {
        assertThat(StoreUnavailable.causes(new DuplicateKeyException("taken"))).isFalse();
        assertThat(StoreUnavailable.causes(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(StoreUnavailable.causes(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void a_chain_of_causes_that_loops_ends() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalArgumentException second = new IllegalArgumentException("second", first);
        first.initCause(second);

        assertThat(StoreUnavailable.causes(first)).isFalse();
    }
}
