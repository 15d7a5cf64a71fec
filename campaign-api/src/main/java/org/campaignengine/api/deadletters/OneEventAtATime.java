package org.campaignengine.api.deadletters;

import java.util.Map;
import java.util.concurrent.Callable;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.campaignengine.projections.tables.CommitBuffer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles a read model's event on its own when its batch failed before, or when it is retried from the
 * dead letters: inside a savepoint, and in a unit of work of its own whose commit writes the rows it
 * buffered ({@link CommitBuffer#ONE_EVENT}). A failure, in the handler or in those writes, rolls back to
 * the savepoint (so the transaction stays usable on PostgreSQL and nothing of the event is kept) and is the
 * handler's failure, which the dead-letter queue then sets aside for that campaign alone. Every other event
 * keeps the batch's single write. Each read model has one event handling component, so one handler
 * call is one event.
 */
final class OneEventAtATime implements HandlerEnhancerDefinition {

    private final Map<String, FailedBatches> failedByGroup;
    private final TransactionTemplate savepoint;

    OneEventAtATime(Map<String, FailedBatches> failedByGroup, TransactionTemplate savepoint) {
        this.failedByGroup = failedByGroup;
        this.savepoint = savepoint;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(original.declaringClass(),
                ProcessingGroup.class);
        FailedBatches failed = group == null ? null : failedByGroup.get(group.value());
        if (failed == null || !original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (message instanceof EventMessage<?> event && (failed.failedBefore(event) || retried())) {
                    return alone(event, () -> super.handle(message, target));
                }
                return super.handle(message, target);
            }
        };
    }

    private Object alone(EventMessage<?> event, Callable<Object> handler) throws Exception {
        try {
            return savepoint.execute(status -> {
                UnitOfWork<EventMessage<?>> unit = DefaultUnitOfWork.startAndGet(event);
                unit.resources().put(CommitBuffer.ONE_EVENT, Boolean.TRUE);
                ResultMessage<Object> result = unit.executeWithResult(handler);
                if (result.isExceptional()) {
                    throw new Failed(result.exceptionResult());
                }
                return result.getPayload();
            });
        } catch (Failed failed) {
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw (Exception) failed.getCause();
        }
    }

    /** A retry of a dead letter: Axon hands the letter to the unit of work that handles it again. */
    private static boolean retried() {
        if (!CurrentUnitOfWork.isStarted()) {
            return false;
        }
        for (UnitOfWork<?> unit = CurrentUnitOfWork.get(); unit != null; unit = unit.parent().orElse(null)) {
            if (unit.resources().containsKey(DeadLetter.class.getName())) {
                return true;
            }
        }
        return false;
    }

    /** Carries the event's failure out of the savepoint, which it rolls back on the way. */
    private static final class Failed extends RuntimeException {

        Failed(Throwable cause) {
            super(cause);
        }
    }
}
