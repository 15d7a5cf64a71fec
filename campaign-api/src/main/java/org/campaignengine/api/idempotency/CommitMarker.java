package org.campaignengine.api.idempotency;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes a keyed command's answer to its key once the command has decided, in the command's transaction:
 * the unit of work's, on the same connection as the events it then appends. If the command is rolled back
 * (its events could not be stored, the node died before the commit), so is the answer, and the key stays
 * claimed by a run that never committed; a claim taken over meanwhile fails the command instead.
 */
class CommitMarker implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final CommandAnswers answers;
    private final IdempotencyStore store;
    private final ObjectMapper json;

    CommitMarker(CommandAnswers answers, IdempotencyStore store, ObjectMapper json) {
        this.answers = answers;
        this.store = store;
        this.json = json;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Object result = chain.proceed();
        Object claimId = unitOfWork.getMessage().getMetaData().get(CommandAnswers.CLAIM);
        if (claimId != null) {
            CommandAnswers.Pending pending = answers.pending(claimId.toString());
            store.markCommitted(pending.claim(), StoredAnswer.of(pending.answer().apply(result), json));
        }
        return result;
    }
}
