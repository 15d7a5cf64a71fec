package org.campaignengine.api.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The command gateway's retries, with an aggregate lock taken as Axon's locking repository takes it: by the
 * command's unit of work, released when that unit of work is cleaned up (for a nested one: when its root ends).
 */
class ConcurrencyRetrySchedulerTest {

    record Pause(String campaignId) {
    }

    private final ScheduledExecutorService retryThread = Executors.newSingleThreadScheduledExecutor();
    /** About half a second of attempts, where the engine's repositories try for a minute. */
    private final PessimisticLockFactory locks = PessimisticLockFactory.builder().acquireAttempts(50).build();
    private final List<Thread> attemptedOn = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final CommandBus bus = SimpleCommandBus.builder().build();
    private final CommandGateway gateway = DefaultCommandGateway.builder().commandBus(bus)
            .retryScheduler(new ConcurrencyRetryScheduler(5, 10, retryThread)).build();

    @AfterEach
    void stopRetries() {
        retryThread.shutdownNow();
    }

    /** Handles {@code Pause} by locking its campaign, failing as a lost race the first {@code losses} times. */
    private void handlerLosing(int losses) {
        bus.subscribe(Pause.class.getName(), command -> {
            Lock lock = locks.obtainLock(((Pause) command.getPayload()).campaignId());
            CurrentUnitOfWork.get().onCleanup(u -> lock.release());
            attemptedOn.add(Thread.currentThread());
            if (attempts.incrementAndGet() <= losses) {
                throw new ConcurrencyException("campaign changed by another node");
            }
            return "paused";
        });
    }

    @Test
    void a_command_a_handler_sent_that_lost_a_race_is_retried_on_the_senders_thread_which_holds_its_lock() {
        handlerLosing(1);
        Object answer = whileHandlingAnEvent(new Pause("c-1")).getPayload();

        assertThat(answer).isEqualTo("paused");
        assertThat(attempts).hasValue(2);
        assertThat(attemptedOn).containsOnly(Thread.currentThread());
        assertThat(lockIsFreeForAnotherThread("c-1")).as("released when the handler's unit of work ended").isTrue();
    }

    @Test
    void a_command_sent_from_outside_any_handling_that_lost_a_race_is_retried_on_the_retry_thread() {
        handlerLosing(1);

        assertThat((Object) gateway.sendAndWait(new Pause("c-1"), 5, TimeUnit.SECONDS)).isEqualTo("paused");
        assertThat(attempts).hasValue(2);
        assertThat(attemptedOn.get(0)).isEqualTo(Thread.currentThread());
        assertThat(attemptedOn.get(1)).isNotEqualTo(Thread.currentThread());
    }

    @Test
    void a_command_that_keeps_losing_races_is_answered_with_the_loss_after_five_retries() {
        handlerLosing(Integer.MAX_VALUE);

        assertThat(whileHandlingAnEvent(new Pause("c-1")).exceptionResult()).isInstanceOf(ConcurrencyException.class);
        assertThat(attempts).hasValue(6);
        assertThatThrownBy(() -> gateway.sendAndWait(new Pause("c-2"), 5, TimeUnit.SECONDS))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(attempts).hasValue(12);
    }

    @Test
    void a_command_refused_for_any_other_reason_is_answered_at_once() {
        bus.subscribe(Pause.class.getName(), command -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("a draft campaign cannot be paused");
        });

        assertThatThrownBy(() -> gateway.sendAndWait(new Pause("c-1"), 5, TimeUnit.SECONDS))
                .isInstanceOf(IllegalStateException.class);
        assertThat(whileHandlingAnEvent(new Pause("c-1")).exceptionResult()).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(2);
    }

    /** Sends {@code command} as the launch process does: from a handler, while its processor handles an event. */
    private ResultMessage<Object> whileHandlingAnEvent(Pause command) {
        return DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("LaunchRequested"))
                .executeWithResult(() -> gateway.sendAndWait(command, 5, TimeUnit.SECONDS));
    }

    private boolean lockIsFreeForAnotherThread(String campaignId) {
        return CompletableFuture.supplyAsync(() -> {
            locks.obtainLock(campaignId).release();
            return true;
        }).join();
    }
}
