package org.campaignengine.api.idempotency;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.axonframework.messaging.MetaData;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Lets a keyed request's command store its answer in the command's own transaction ({@link CommitMarker}):
 * after a crash, either the command's events and its answer are both stored, or neither is. The command
 * carries the claim's id in its metadata (never copied to events), so a retry of the command on another
 * thread still finds its answer.
 */
public class CommandAnswers {

    static final String CLAIM = "idempotencyClaim";

    /** A command in flight for a claim, and how its result becomes the HTTP answer. */
    record Pending(Claim claim, Function<Object, Object> answer) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /**
     * Sends a command through {@code dispatch} and answers {@code answer} of its result. {@code answer} must
     * only build the answer (a body or a {@code ResponseEntity}): for a keyed request it is also applied
     * inside the command's transaction, where its JSON is stored as the key's answer.
     */
    @SuppressWarnings("unchecked")
    public <R, A> A send(MetaData metaData, Function<R, A> answer, Function<MetaData, R> dispatch) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object claim = request == null ? null : request.getAttribute(CLAIM, RequestAttributes.SCOPE_REQUEST);
        if (!(claim instanceof Claim held)) {
            return answer.apply(dispatch.apply(metaData));
        }
        pending.put(held.id(), new Pending(held, (Function<Object, Object>) answer));
        try {
            return answer.apply(dispatch.apply(metaData.and(CLAIM, held.id())));
        } finally {
            pending.remove(held.id());
        }
    }

    Pending pending(String claimId) {
        Pending found = pending.get(claimId);
        if (found == null) {
            throw new IllegalStateException("a command names Idempotency-Key claim " + claimId
                    + ", which no request of this node holds");
        }
        return found;
    }
}
