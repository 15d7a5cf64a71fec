package org.campaignengine.api.engine;

import java.util.List;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

/** Retries only optimistic-concurrency losses; Axon's schedulers would otherwise retry rule violations too. */
class ConcurrencyRetryScheduler implements RetryScheduler {

    private final RetryScheduler delegate;

    ConcurrencyRetryScheduler(RetryScheduler delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        return lastFailure instanceof ConcurrencyException
                && delegate.scheduleRetry(commandMessage, lastFailure, failures, commandDispatch);
    }
}
