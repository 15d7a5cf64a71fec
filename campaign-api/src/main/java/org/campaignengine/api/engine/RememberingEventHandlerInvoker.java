package org.campaignengine.api.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;

/**
 * A processor's handlers invoked as Axon's {@link MultiEventHandlerInvoker} invokes them, with what cannot change
 * while the engine runs remembered. For every event, every segment and every group of handlers, Axon's invoker
 * asks whether the group supports a reset (a walk through every handler of the group) and then whether a handler
 * takes the event (another walk): a create's event, offered to the eight processors' fifteen segments and handled in
 * eleven of them, went through that some two dozen times. In a profile of creates the reset question alone took
 * about 5 % of the engine's JVM CPU, for an answer fixed at start.
 *
 * <p>Here each group's answer to "supports a reset" is read once, and an event whose payload type no handler of the
 * processor declares is refused from a map by type: a handler that takes an event always declares its payload type
 * ({@code canHandle} implies {@code canHandleType}), so that refusal is the one Axon would give. Every other
 * question goes to the groups as Axon asks it, in the same order: a handler's own conditions (its parameters, the
 * segment of the event's campaign, a replay a group does not take) are decided per event, as before.
 */
final class RememberingEventHandlerInvoker extends MultiEventHandlerInvoker {

    private final List<EventHandlerInvoker> groups;
    private final boolean[] groupSupportsReset;
    private final boolean supportsReset;
    private final Map<Class<?>, Boolean> handledTypes = new ConcurrentHashMap<>();

    private RememberingEventHandlerInvoker(List<EventHandlerInvoker> delegates) {
        super(delegates);
        this.groups = delegates();
        this.groupSupportsReset = new boolean[groups.size()];
        boolean any = false;
        for (int i = 0; i < groups.size(); i++) {
            groupSupportsReset[i] = groups.get(i).supportsReset();
            any |= groupSupportsReset[i];
        }
        this.supportsReset = any;
    }

    /** {@code invoker}'s groups (itself when it is a single one), invoked with their fixed answers remembered. */
    static RememberingEventHandlerInvoker of(EventHandlerInvoker invoker) {
        return new RememberingEventHandlerInvoker(List.of(invoker));
    }

    @Override
    public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
        if (!canHandleType(eventMessage.getPayloadType())) {
            return false;
        }
        for (int i = 0; i < groups.size(); i++) {
            if (takes(i, eventMessage, segment)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return handledTypes.computeIfAbsent(payloadType, super::canHandleType);
    }

    @Override
    public void handle(EventMessage<?> message, Segment segment) throws Exception {
        for (int i = 0; i < groups.size(); i++) {
            if (takes(i, message, segment)) {
                groups.get(i).handle(message, segment);
            }
        }
    }

    @Override
    public boolean supportsReset() {
        return supportsReset;
    }

    /** Axon's condition for one group: it takes replayed events or this one is not replayed, and it can handle it. */
    private boolean takes(int group, EventMessage<?> message, Segment segment) {
        return (groupSupportsReset[group] || !ReplayToken.isReplay(message)) && groups.get(group).canHandle(message,
                segment);
    }
}
