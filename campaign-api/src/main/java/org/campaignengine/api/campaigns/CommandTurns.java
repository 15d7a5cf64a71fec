package org.campaignengine.api.campaigns;

import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * How many of this node's requests run a command at once: {@code campaign.commands.at-once}, by default two
 * fewer than the connection pool holds. A command holds a connection from its start to its commit, so more
 * of them at once than the pool holds only queue inside the pool, where HikariCP hands a returned
 * connection to a waiting thread by yielding in a loop until that thread takes it (about 4 % of the engine's
 * CPU with 16 connections sending creates), and where the read models' processors queue behind them. Here a
 * request waits its turn parked, in the order it came, and the two connections left over are the
 * processors' even under a burst of commands.
 *
 * <p>A request waits at most the pool's connection timeout for its turn (what it would have waited for a
 * connection), then is answered as a connection it could not get is: 503 with {@code Retry-After}, nothing
 * changed.
 */
@Component
class CommandTurns {

    /** Connections a full pool leaves to the read models' processors and timers. */
    static final int LEFT_TO_PROCESSORS = 2;

    private final Semaphore turns;
    private final int atOnce;
    private final long waitMillis;

    CommandTurns(@Value("${campaign.commands.at-once:0}") int atOnce,
                 @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize,
                 @Value("${spring.datasource.hikari.connection-timeout:30000}") long waitMillis) {
        this.atOnce = atOnce > 0 ? atOnce : Math.max(1, poolSize - LEFT_TO_PROCESSORS);
        this.turns = new Semaphore(this.atOnce, true);
        this.waitMillis = waitMillis;
    }

    /** Runs {@code command} in a turn of its own, waiting for one at most the connection timeout. */
    <T> T run(Supplier<T> command) {
        try {
            if (!turns.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw noTurn("no command finished within " + waitMillis + " ms to let this one run");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw noTurn("interrupted while waiting for a command to finish");
        }
        try {
            return command.get();
        } finally {
            turns.release();
        }
    }

    /** Commands this node runs at once. */
    int atOnce() {
        return atOnce;
    }

    private static CannotCreateTransactionException noTurn(String why) {
        return new CannotCreateTransactionException("no turn for the command: " + why,
                new SQLTransientConnectionException(why));
    }
}
