package org.campaignengine.api.engine;

import java.util.Map;

import org.axonframework.deadline.DeadlineManager;
import org.campaignengine.api.web.RequestContext;
import org.springframework.stereotype.Component;

/**
 * Events applied when a timer fires are caused by the engine: they record actor {@code system} and
 * the deadline as their request, not whoever set the timer.
 */
@Component
class DeadlineAudit {

    DeadlineAudit(DeadlineManager deadlineManager) {
        deadlineManager.registerHandlerInterceptor((unitOfWork, chain) -> {
            unitOfWork.registerCorrelationDataProvider(message -> Map.of(
                    RequestContext.ACTOR, RequestContext.SYSTEM_ACTOR,
                    RequestContext.REQUEST_ID, "deadline:" + message.getIdentifier()));
            return chain.proceed();
        });
    }
}
