package org.campaignengine.api.engine;

import java.util.Map;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.campaignengine.api.web.RequestContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Puts what a log line needs to be found into the logging context (SLF4J's MDC) while a command or an event is
 * handled: the request that caused it ({@code requestId}, from the message's audit metadata, so an event handled
 * on another node or thread, or minutes later, is logged under the request that caused it), the message's id
 * ({@code commandId} or {@code eventId}) and, for events, the processor that handles it ({@code processor}).
 * Whatever the context held before is restored afterwards, also when the handler fails; a structured log format
 * ({@code logging.structured.format.console=ecs}) writes each as a field of the JSON line. At DEBUG it logs each
 * message it lets through, a trace of what a request caused on every node.
 */
final class LoggingContext<T extends Message<?>> implements MessageHandlerInterceptor<T> {

    static final String COMMAND_ID = "commandId";
    static final String EVENT_ID = "eventId";
    static final String PROCESSOR = "processor";

    private static final Logger log = LoggerFactory.getLogger(LoggingContext.class);

    private final String idKey;
    private final String processor;

    private LoggingContext(String idKey, String processor) {
        this.idKey = idKey;
        this.processor = processor;
    }

    static <T extends Message<?>> LoggingContext<T> forCommands() {
        return new LoggingContext<>(COMMAND_ID, null);
    }

    static <T extends Message<?>> LoggingContext<T> forEvents(String processor) {
        return new LoggingContext<>(EVENT_ID, processor);
    }

    @Override
    public Object handle(UnitOfWork<? extends T> unitOfWork, InterceptorChain chain) throws Exception {
        Message<?> message = unitOfWork.getMessage();
        Map<String, String> before = MDC.getCopyOfContextMap();
        Object requestId = message.getMetaData().get(RequestContext.REQUEST_ID);
        if (requestId != null) {
            MDC.put(RequestContext.REQUEST_ID, requestId.toString());
        }
        MDC.put(idKey, message.getIdentifier());
        if (processor != null) {
            MDC.put(PROCESSOR, processor);
        }
        if (log.isDebugEnabled()) {
            log.debug("handling {} {}", processor == null ? "command" : "event",
                    message.getPayloadType().getSimpleName());
        }
        try {
            return chain.proceed();
        } finally {
            if (before == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(before);
            }
        }
    }
}
