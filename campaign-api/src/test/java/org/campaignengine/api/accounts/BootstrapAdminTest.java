package org.campaignengine.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

class BootstrapAdminTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private JdbcTemplate jdbc;
    private AccountStore accounts;

    @BeforeEach
    void store() throws Exception {
        jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:bootstrap-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"));
        jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/common/V6__accounts.sql")));
        accounts = new AccountStore(jdbc);
        log.start();
        ((Logger) LoggerFactory.getLogger(BootstrapAdmin.class)).addAppender(log);
    }

    @AfterEach
    void detach() {
        ((Logger) LoggerFactory.getLogger(BootstrapAdmin.class)).detachAppender(log);
    }

    private void start(String configured) {
        new BootstrapAdmin(accounts, encoder, Clock.systemUTC(), configured).afterPropertiesSet();
    }

    private String hash() {
        return accounts.credentials("admin").orElseThrow().passwordHash();
    }

    @Test
    void without_a_configured_password_one_is_generated_at_first_start_and_printed_once() {
        start("");
        List<ILoggingEvent> printed = log.list;
        assertThat(printed).hasSize(1);
        String password = printed.get(0).getArgumentArray()[0].toString();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(encoder.matches(password, hash())).isTrue();
        assertThat(accounts.credentials("admin").orElseThrow().account().roles()).containsExactly(Role.ADMIN);

        String before = hash();
        start(null);
        assertThat(log.list).as("printed once").hasSize(1);
        assertThat(hash()).as("a later start keeps the generated password").isEqualTo(before);
    }

    @Test
    void a_configured_password_is_the_admins_password_at_every_start_and_never_printed() {
        start("first-configured-secret");
        assertThat(encoder.matches("first-configured-secret", hash())).isTrue();
        start("rotated-configured-secret");
        assertThat(encoder.matches("rotated-configured-secret", hash())).isTrue();
        assertThat(log.list).isEmpty();
    }
}
