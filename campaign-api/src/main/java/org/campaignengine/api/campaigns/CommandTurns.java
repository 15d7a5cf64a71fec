package org.campaignengine.api.campaigns;

import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.campaignengine.api.web.NodeBusy;
import org.campaignengine.api.web.StoreUnavailable;
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
 * connection), then is refused with nothing changed. When, during its wait, a command of this node found the
 * store out of reach or none finished at all (in an outage the turns are held by commands waiting for
 * connections or answers that do not come), as the store out of reach ({@link StoreUnavailable}, 503
 * {@code store-unavailable}); otherwise as this node busy ({@link NodeBusy}, 503 {@code node-busy} with a
 * shorter {@code Retry-After}): commands went on finishing, there were only more of them ahead than the wait
 * allowed for.
 */
@Component
class CommandTurns {

    /** Connections a full pool leaves to the read models' processors and timers. */
    static final int LEFT_TO_PROCESSORS = 2;

    private final Semaphore turns;
    private final int atOnce;
    private final long waitMillis;
    /** How many of this node's commands have finished, and how many of them failed for a store out of reach. */
    private final AtomicLong finished = new AtomicLong();
    private final AtomicLong storeFailures = new AtomicLong();

    CommandTurns(@Value("${campaign.commands.at-once:0}") int atOnce,
                 @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize,
                 @Value("${spring.datasource.hikari.connection-timeout:30000}") long waitMillis) {
        this.atOnce = atOnce > 0 ? atOnce : Math.max(1, poolSize - LEFT_TO_PROCESSORS);
        this.turns = new Semaphore(this.atOnce, true);
        this.waitMillis = waitMillis;
    }

    /** Runs {@code command} in a turn of its own, waiting for one at most the connection timeout. */
    <T> T run(Supplier<T> command) {
        long finishedBefore = finished.get();
        long failuresBefore = storeFailures.get();
        try {
            if (!turns.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw noTurn(finishedBefore, failuresBefore, "no turn came within " + waitMillis + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw noTurn(finishedBefore, failuresBefore, "interrupted while waiting for a turn");
        }
        try {
            return command.get();
        } catch (RuntimeException e) {
            if (StoreUnavailable.causes(e)) {
                storeFailures.incrementAndGet();
            }
            throw e;
        } finally {
            finished.incrementAndGet();
            turns.release();
        }
    }

    /** Commands this node runs at once. */
    int atOnce() {
        return atOnce;
    }

    /** Requests waiting for a turn now (an estimate while they come and go). */
    int waiting() {
        return turns.getQueueLength();
    }

    private RuntimeException noTurn(long finishedBefore, long failuresBefore, String why) {
        if (storeFailures.get() != failuresBefore || finished.get() == finishedBefore) {
            return new CannotCreateTransactionException("no turn for the command: " + why + ", and the commands "
                    + "that held them found the store out of reach or did not finish",
                    new SQLTransientConnectionException(why));
        }
        return new NodeBusy("no turn for the command: " + why + "; commands finished, more were ahead");
    }
}
