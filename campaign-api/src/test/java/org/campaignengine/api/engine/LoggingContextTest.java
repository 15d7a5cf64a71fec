package org.campaignengine.api.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/** Lines logged while a command or an event is handled carry its request id and its own id; nothing leaks after. */
class LoggingContextTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void an_event_handler_runs_with_the_request_id_the_event_id_and_the_processor_and_they_are_gone_after() throws Exception {
        EventMessage<?> event = GenericEventMessage.asEventMessage("launched")
                .andMetaData(MetaData.with("requestId", "req-42").and("actor", "admin"));
        Map<String, String> seen = handle(LoggingContext.forEvents("status-index"), event, MDC::getCopyOfContextMap);

        assertThat(seen).containsEntry("requestId", "req-42").containsEntry("eventId", event.getIdentifier())
                .containsEntry("processor", "status-index");
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void a_command_handler_keeps_the_http_requests_context_and_it_is_restored_after() throws Exception {
        MDC.put("requestId", "req-7");
        MDC.put("other", "kept");
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage("pause")
                .andMetaData(MetaData.with("requestId", "req-7"));
        Map<String, String> seen = handle(LoggingContext.forCommands(), command, MDC::getCopyOfContextMap);

        assertThat(seen).containsEntry("requestId", "req-7").containsEntry("commandId", command.getIdentifier())
                .containsEntry("other", "kept").doesNotContainKey("eventId");
        assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("requestId", "req-7", "other", "kept"));
    }

    @Test
    void a_failing_handler_leaves_no_context_behind() {
        EventMessage<?> event = GenericEventMessage.asEventMessage("bad").andMetaData(MetaData.with("requestId", "r"));
        assertThatThrownBy(() -> handle(LoggingContext.forEvents("analytics"), event, () -> {
            throw new IllegalStateException("handler failed");
        })).hasMessage("handler failed");
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void a_structured_line_logged_by_an_event_handler_carries_the_event_id_and_the_request_id() throws Exception {
        List<String> lines = new ArrayList<>();
        Logger logger = structured("ecs", lines);
        EventMessage<?> event = GenericEventMessage.asEventMessage("launched")
                .andMetaData(MetaData.with("requestId", "req-99"));
        handle(LoggingContext.forEvents("status-index"), event, () -> {
            logger.info("indexed the campaign");
            return null;
        });
        logger.info("after the handler");

        assertThat(lines).hasSize(2);
        JsonNode during = new ObjectMapper().readTree(lines.get(0));
        assertThat(during.path("message").asText()).isEqualTo("indexed the campaign");
        assertThat(during.path("eventId").asText()).isEqualTo(event.getIdentifier());
        assertThat(during.path("requestId").asText()).isEqualTo("req-99");
        assertThat(during.path("processor").asText()).isEqualTo("status-index");
        JsonNode after = new ObjectMapper().readTree(lines.get(1));
        assertThat(after.has("eventId")).isFalse();
        assertThat(after.has("requestId")).isFalse();
    }

    private static <T extends Message<?>> Map<String, String> handle(LoggingContext<T> context, T message,
                                                                   InterceptorChain handler) throws Exception {
        DefaultUnitOfWork<T> unitOfWork = DefaultUnitOfWork.startAndGet(message);
        try {
            Object result = context.handle(unitOfWork, handler);
            @SuppressWarnings("unchecked")
            Map<String, String> seen = result == null ? null : new HashMap<>((Map<String, String>) result);
            return seen;
        } finally {
            unitOfWork.rollback();
        }
    }

    /** A logger of its own whose lines Spring Boot's structured encoder writes, as the console would. */
    private static Logger structured(String format, List<String> lines) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        if (context.getObject(Environment.class.getName()) == null) {
            context.putObject(Environment.class.getName(), new StandardEnvironment());
        }
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.start();
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                lines.add(new String(encoder.encode(event), StandardCharsets.UTF_8).trim());
            }
        };
        appender.setContext(context);
        appender.start();
        Logger logger = context.getLogger("structured-log-test-" + format);
        logger.setAdditive(false);
        logger.setLevel(Level.INFO);
        logger.addAppender(appender);
        return logger;
    }
}
