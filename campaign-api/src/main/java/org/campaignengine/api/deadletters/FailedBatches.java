package org.campaignengine.api.deadletters;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The events of batches that failed on this node, which the processor hands over again: those are then
 * handled one by one ({@link OneEventAtATime}), so the event that fails, in its handler or in the writes
 * its rows make at commit, is found and set aside alone. An event leaves the set once a batch holding it
 * commits. Another node that takes the segment over fails the batch once itself, then does the same.
 * Events of a segment this node lost are never handed to it again: past {@link #LIMIT} the set starts
 * over, which costs at most one more failed batch.
 */
final class FailedBatches implements MessageHandlerInterceptor<EventMessage<?>> {

    static final int LIMIT = 10_000;
    private static final String WATCHED = FailedBatches.class.getName() + ".watched";

    private final Set<String> failed = ConcurrentHashMap.newKeySet();

    boolean failedBefore(EventMessage<?> event) {
        return !failed.isEmpty() && failed.contains(event.getIdentifier());
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        if (root instanceof BatchingUnitOfWork<?> batch && root.resources().putIfAbsent(WATCHED, Boolean.TRUE) == null) {
            root.onRollback(u -> {
                if (failed.size() > LIMIT) {
                    failed.clear();
                }
                batch.getMessages().forEach(m -> failed.add(m.getIdentifier()));
            });
            root.afterCommit(u -> batch.getMessages().forEach(m -> failed.remove(m.getIdentifier())));
        }
        return chain.proceed();
    }
}
