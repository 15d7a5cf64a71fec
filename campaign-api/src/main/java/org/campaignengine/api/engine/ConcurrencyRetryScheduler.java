package org.campaignengine.api.engine;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Retries a command that lost an optimistic-concurrency race (two nodes, one aggregate) up to {@code maxRetries}
 * times, {@code intervalMillis} apart; any other failure, a rule violation above all, is answered at once (Axon's
 * schedulers would retry those too).
 *
 * <p>Where the retry runs depends on who sent the command. A command sent from outside any message's handling (an
 * HTTP request) is retried on {@code executor}, as Axon does. A command sent by a handler that is itself handling a
 * message (the launch process, from an event) runs in a unit of work nested in that handler's, and a nested unit of
 * work releases its aggregate's lock only when the enclosing one ends, even when it rolled back: retried on another
 * thread, the command would wait for a lock its own sender holds until the lock's attempts run out (a minute, in
 * which a scheduled launch on two nodes stood still). So such a command is retried on the sending thread, which
 * holds that lock already and may take it again, in the enclosing unit of work and its transaction, as the first
 * attempt ran.
 */
final class ConcurrencyRetryScheduler extends IntervalRetryScheduler {

    ConcurrencyRetryScheduler(int maxRetries, int intervalMillis, ScheduledExecutorService executor) {
        super(IntervalRetryScheduler.builder().maxRetryCount(maxRetries).retryInterval(intervalMillis)
                .retryExecutor(executor));
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        return lastFailure instanceof ConcurrencyException
                && super.scheduleRetry(commandMessage, lastFailure, failures, commandDispatch);
    }

    @Override
    protected boolean scheduleRetry(Runnable commandDispatch, long interval) {
        if (!CurrentUnitOfWork.isStarted()) {
            return super.scheduleRetry(commandDispatch, interval);
        }
        try {
            Thread.sleep(interval);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
        commandDispatch.run();
        return true;
    }
}
