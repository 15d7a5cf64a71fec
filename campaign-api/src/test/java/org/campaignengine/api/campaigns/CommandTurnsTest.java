package org.campaignengine.api.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.campaignengine.api.web.NodeBusy;
import org.campaignengine.api.web.StoreUnavailable;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

class CommandTurnsTest {

    @Test
    void by_default_a_node_runs_two_commands_fewer_at_once_than_its_pool_holds_connections() {
        assertThat(new CommandTurns(0, 10, 3000).atOnce()).isEqualTo(8);
        assertThat(new CommandTurns(0, 2, 3000).atOnce()).as("never fewer than one").isEqualTo(1);
        assertThat(new CommandTurns(5, 10, 3000).atOnce()).as("campaign.commands.at-once").isEqualTo(5);
    }

    @Test
    void no_more_commands_run_at_once_than_there_are_turns_and_the_others_run_when_one_ends() throws Exception {
        CommandTurns turns = new CommandTurns(2, 10, 10_000);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService requests = Executors.newFixedThreadPool(5);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int n = i;
                answers.add(requests.submit(() -> turns.run(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    return n;
                })));
            }
            Thread.sleep(200);
            assertThat(running.get()).as("commands running while two are held").isEqualTo(2);
            release.countDown();
            for (int i = 0; i < 5; i++) {
                assertThat(answers.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
            }
            assertThat(most.get()).isEqualTo(2);
        } finally {
            requests.shutdownNow();
        }
    }

    @Test
    void a_command_that_finds_no_turn_while_no_command_finishes_is_refused_as_an_unreachable_store_and_never_runs()
            throws Exception {
        CommandTurns turns = new CommandTurns(1, 10, 100);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> turns.run(() -> {
            holding.countDown();
            try {
                return release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return false;
            }
        }));
        holder.start();
        try {
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            AtomicInteger ran = new AtomicInteger();
            long started = System.nanoTime();
            assertThatThrownBy(() -> turns.run(ran::incrementAndGet))
                    .isInstanceOf(CannotCreateTransactionException.class)
                    .satisfies(failure -> assertThat(StoreUnavailable.causes(failure)).as("answered 503").isTrue());
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(100);
            assertThat(ran.get()).isZero();
        } finally {
            release.countDown();
            holder.join(10_000);
        }
        assertThat(turns.run(() -> "after")).as("the turn is given back").isEqualTo("after");
    }

    @Test
    void a_command_that_finds_no_turn_while_commands_go_on_finishing_is_refused_as_a_busy_node_and_never_runs()
            throws Exception {
        try (Queue queue = new Queue(new CommandTurns(1, 10, 500))) {
            queue.first(() -> "done");
            AtomicInteger ran = new AtomicInteger();
            Future<Integer> third = queue.third(ran);
            queue.releaseFirst();

            assertThat(queue.first.get(10, TimeUnit.SECONDS)).isEqualTo("done");
            assertThatThrownBy(() -> third.get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(NodeBusy.class)
                    .satisfies(failure -> assertThat(StoreUnavailable.causes(failure)).as("not the store").isFalse());
            assertThat(ran.get()).isZero();
        }
    }

    @Test
    void a_command_that_finds_no_turn_after_one_ahead_found_the_store_out_of_reach_is_refused_as_an_unreachable_store()
            throws Exception {
        try (Queue queue = new Queue(new CommandTurns(1, 10, 500))) {
            queue.first(() -> {
                throw new CannotGetJdbcConnectionException("no connection",
                        new SQLTransientConnectionException("request timed out after 3000ms"));
            });
            AtomicInteger ran = new AtomicInteger();
            Future<Integer> third = queue.third(ran);
            queue.releaseFirst();

            assertThatThrownBy(() -> queue.first.get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(CannotGetJdbcConnectionException.class);
            assertThatThrownBy(() -> third.get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(CannotCreateTransactionException.class)
                    .satisfies(failure -> assertThat(StoreUnavailable.causes(failure)).as("answered 503").isTrue());
            assertThat(ran.get()).isZero();
        }
    }

    /**
     * Three commands on a node that runs one at a time: the first holds the turn until released and then
     * ends as it was told, the second waits behind it and, once it has the turn, holds it until the end of the
     * test, the third waits behind both and so finds no turn in time, whatever the first did.
     */
    private static final class Queue implements AutoCloseable {

        private final CommandTurns turns;
        private final ExecutorService requests = Executors.newFixedThreadPool(3);
        private final CountDownLatch firstRunning = new CountDownLatch(1);
        private final CountDownLatch releaseFirst = new CountDownLatch(1);
        private final CountDownLatch releaseSecond = new CountDownLatch(1);
        private Future<Object> first;

        Queue(CommandTurns turns) {
            this.turns = turns;
        }

        void first(Supplier<Object> ending) throws Exception {
            first = requests.submit(() -> turns.run(() -> {
                firstRunning.countDown();
                await(releaseFirst);
                return ending.get();
            }));
            assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
            requests.submit(() -> turns.run(() -> await(releaseSecond)));
            waitingAre(1);
        }

        Future<Integer> third(AtomicInteger ran) throws InterruptedException {
            Future<Integer> third = requests.submit(() -> turns.run(ran::incrementAndGet));
            waitingAre(2);
            return third;
        }

        private void waitingAre(int count) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (turns.waiting() < count && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            assertThat(turns.waiting()).as("requests waiting for a turn").isEqualTo(count);
        }

        void releaseFirst() {
            releaseFirst.countDown();
        }

        private static boolean await(CountDownLatch latch) {
            try {
                return latch.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public void close() {
            releaseFirst.countDown();
            releaseSecond.countDown();
            requests.shutdownNow();
        }
    }

    @Test
    void a_command_that_fails_gives_its_turn_back() {
        CommandTurns turns = new CommandTurns(1, 10, 100);
        assertThatThrownBy(() -> turns.run(() -> {
            throw new IllegalStateException("refused");
        })).hasMessage("refused");
        assertThat(turns.run(() -> "next")).isEqualTo("next");
    }
}
