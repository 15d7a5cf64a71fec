package org.campaignengine.api.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.campaignengine.api.web.StoreUnavailable;
import org.junit.jupiter.api.Test;
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
    void a_command_that_finds_no_turn_within_the_connection_timeout_is_refused_as_an_unreachable_store_and_never_runs()
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
    void a_command_that_fails_gives_its_turn_back() {
        CommandTurns turns = new CommandTurns(1, 10, 100);
        assertThatThrownBy(() -> turns.run(() -> {
            throw new IllegalStateException("refused");
        })).hasMessage("refused");
        assertThat(turns.run(() -> "next")).isEqualTo("next");
    }
}
