package org.campaignengine.api.metrics;

import java.util.List;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryUpdateEmitter;

import io.micrometer.core.instrument.Tags;

/**
 * Axon's own monitors (axon-micrometer), dimensional: every event processor's counts as {@code eventProcessor.*}
 * tagged with {@code processorName} (not with the event's type, which would multiply its series by some forty), the
 * event bus ({@code eventStore.*}), the query bus and the query update emitter, each tagged with the message's
 * {@code payloadType}. The command bus gets {@link CommandMetrics} instead, which tells a conflict and a refusal
 * from an error (Axon's own counts success and failure alone). Components Axon has no monitor for (the
 * deadline manager, the saga managers) get none, rather than a warning at each start.
 *
 * <p>An event processor gets Axon's counting monitor's counts alone (handled, failed, ignored events), from
 * {@link ProcessorCounts}, which finds its counters once. Axon's other
 * processor monitors, a capacity gauge and a handling timer over sliding time windows and a latency gauge, cost
 * a quarter of the engine's CPU while read models catch up on a large store (a sorted map trimmed at every
 * event); the processors' lag in events and in time is {@link ProcessorMetrics}' instead, read from the tokens.
 *
 * <p>It takes the place of Axon's auto-configured module (a bean of this type turns that one off), since
 * a configurer has one message monitor factory, and two modules setting one would overwrite each other.
 */
class AxonMetricsModule extends MetricsConfigurerModule {

    /** Axon's names: the meters' prefix and the processor's tag, as its dimensional monitors have them. */
    static final String EVENT_PROCESSOR = "eventProcessor";
    static final String PROCESSOR_NAME = "processorName";
    private static final List<Class<?>> AXON_MEASURES = List.of(EventBus.class, QueryBus.class, QueryUpdateEmitter.class);

    private final GlobalMetricRegistry axon;
    private final CommandMetrics commands;

    AxonMetricsModule(GlobalMetricRegistry axon, CommandMetrics commands) {
        super(axon, true);
        this.axon = axon;
        this.commands = commands;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void configureModule(Configurer configurer) {
        configurer.configureMessageMonitor(configuration -> (componentType, componentName) -> {
            if (CommandBus.class.isAssignableFrom(componentType)) {
                return commands;
            }
            if (EventProcessor.class.isAssignableFrom(componentType)) {
                return new ProcessorCounts(axon.getRegistry(), EVENT_PROCESSOR,
                        Tags.of(PROCESSOR_NAME, componentName));
            }
            if (AXON_MEASURES.stream().anyMatch(type -> type.isAssignableFrom(componentType))) {
                return (MessageMonitor<Message<?>>) axon.registerComponentWithDefaultTags(componentType, componentName);
            }
            return NoOpMessageMonitor.instance();
        });
    }
}
