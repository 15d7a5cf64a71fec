package org.campaignengine.api.accounts;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Tells {@link RememberedAccounts} of every change to an account, on every node. On PostgreSQL a trigger
 * announces each change on the channel {@value #CHANNEL} (migration V27); this listens on a connection of its
 * own and trusts the memory only while it does: a broken connection distrusts it at once, and it is trusted
 * again, emptied, once the node listens anew. On embedded H2 there is one node, whose writes tell it
 * themselves ({@link AccountStore}): the memory is trusted from the start.
 */
final class AccountChanges implements SmartLifecycle {

    static final String CHANNEL = "account_changed";
    /** How the listening connection shows in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "campaign-engine account changes";

    private static final Logger log = LoggerFactory.getLogger(AccountChanges.class);
    private static final Duration WAIT = Duration.ofSeconds(2);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final RememberedAccounts remembered;
    private final Duration retry;
    private volatile boolean running;
    private Thread listener;

    AccountChanges(DataSource dataSource, RememberedAccounts remembered) {
        this(dataSource, remembered, RETRY);
    }

    /** Listening again {@code retry} after the connection broke. */
    AccountChanges(DataSource dataSource, RememberedAccounts remembered, Duration retry) {
        this.dataSource = dataSource;
        this.remembered = remembered;
        this.retry = retry;
    }

    @Override
    public synchronized void start() {
        running = true;
        listener = new Thread(this::listen, "account-changes");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        remembered.distrust();
        if (listener != null) {
            listener.interrupt();
            listener = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                if (!connection.isWrapperFor(PGConnection.class)) {
                    remembered.trust();
                    return;
                }
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET application_name = '" + APPLICATION_NAME + "'");
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection notices = connection.unwrap(PGConnection.class);
                remembered.trust();
                while (running) {
                    PGNotification[] heard = notices.getNotifications((int) WAIT.toMillis());
                    if (heard != null) {
                        for (PGNotification notice : heard) {
                            remembered.changed(notice.getParameter());
                        }
                    } else if (!connection.isValid((int) WAIT.toSeconds())) {
                        throw new SQLException("the connection listening for account changes is no longer valid");
                    }
                }
            } catch (SQLException | RuntimeException failed) {
                remembered.distrust();
                if (running) {
                    log.warn("Not listening for account changes ({}): every request reads its account until "
                            + "listening again", failed.toString());
                    sleep(retry);
                }
            }
        }
    }

    private static void sleep(Duration retry) {
        try {
            Thread.sleep(retry.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
