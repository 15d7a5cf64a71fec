package org.campaignengine.api.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

import com.github.benmanes.caffeine.cache.Ticker;

/** The {@code account} table. Hashes go in and are read only to check a password. */
public class AccountStore {

    /** An account with the hash of its password, for authentication only. */
    public record Credentials(Account account, String passwordHash) {
    }

    private final JdbcTemplate jdbc;
    private final RememberedAccounts remembered;

    /** A store that reads an account on every look-up. */
    public AccountStore(JdbcTemplate jdbc) {
        this(jdbc, new RememberedAccounts(Ticker.systemTicker(), Duration.ZERO, false));
    }

    /** A store that looks accounts up in {@code remembered} first, and tells it of its own writes. */
    public AccountStore(JdbcTemplate jdbc, RememberedAccounts remembered) {
        this.jdbc = jdbc;
        this.remembered = remembered;
    }

    /** Adds the account; false when the username is taken. */
    boolean create(Account account, String passwordHash) {
        Integer taken = jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE username = ?", Integer.class,
                account.username());
        if (taken != null && taken > 0) {
            return false;
        }
        try {
            jdbc.update("INSERT INTO account (username, password_hash, roles, offices, enabled, created_at, created_by) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)", account.username(), passwordHash,
                    join(account.roles().stream().map(Role::name).toList()), join(account.offices()),
                    account.enabled(), account.createdAt().atOffset(ZoneOffset.UTC), account.createdBy());
            remembered.changed(account.username());
            return true;
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            return false;
        }
    }

    List<Account> list() {
        return jdbc.query("SELECT * FROM account ORDER BY username", (rs, n) -> account(rs));
    }

    Optional<Account> find(String username) {
        return jdbc.query("SELECT * FROM account WHERE username = ?", (rs, n) -> account(rs), username)
                .stream().findFirst();
    }

    /** The account and its hash, remembered while {@link RememberedAccounts} hears every change. */
    public Optional<Credentials> credentials(String username) {
        return remembered.credentials(username, () -> jdbc.query("SELECT * FROM account WHERE username = ?",
                (rs, n) -> new Credentials(account(rs), rs.getString("password_hash")), username).stream().findFirst());
    }

    /** Disables the account; false when there is no such account. */
    boolean disable(String username, Instant at) {
        boolean disabled = jdbc.update("UPDATE account SET enabled = FALSE, disabled_at = COALESCE(disabled_at, ?) "
                + "WHERE username = ?", at.atOffset(ZoneOffset.UTC), username) > 0;
        remembered.changed(username);
        return disabled;
    }

    /** The bootstrap admin's password, set again from the environment at each start. */
    void resetAdmin(String username, String passwordHash) {
        resetBootstrap(username, passwordHash, Role.ADMIN);
    }

    /** A bootstrap account (the admin, the scraper) gets its password and its one role again, and is enabled. */
    void resetBootstrap(String username, String passwordHash, Role role) {
        jdbc.update("UPDATE account SET password_hash = ?, roles = ?, enabled = TRUE, disabled_at = NULL "
                + "WHERE username = ?", passwordHash, role.name(), username);
        remembered.changed(username);
    }

    private static Account account(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        split(rs.getString("roles")).forEach(name -> Role.parse(name).ifPresent(roles::add));
        OffsetDateTime disabledAt = rs.getObject("disabled_at", OffsetDateTime.class);
        return new Account(rs.getString("username"), roles, split(rs.getString("offices")),
                rs.getBoolean("enabled"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"), disabledAt == null ? null : disabledAt.toInstant());
    }

    private static String join(java.util.Collection<String> values) {
        return String.join(",", values);
    }

    private static Set<String> split(String joined) {
        if (joined == null || joined.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(joined.split(",")).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
