package org.campaignengine.api.engine;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;
import org.campaignengine.domain.campaign.Campaign;

/**
 * Makes the campaign a load starts from: the snapshot's campaign when the stream starts with a snapshot, else a
 * blank campaign from its no-argument constructor, which its events then fill. A campaign is a plain object (its
 * fields are its state; its collaborators arrive as handler parameters), so it is not made as a Spring prototype
 * bean, Axon's default for an {@code @Aggregate} (this bean's name, {@code campaignAggregateFactory}, replaces
 * it): Spring's post-processing of each new instance took about 2 % of a command's request thread, for a class
 * with nothing to inject. Axon's {@code GenericAggregateFactory(Class)} does the same but inspects the campaign's
 * handlers with the class path's parameter resolvers alone, which cannot resolve the Spring beans they take
 * ({@code TimeRules}): the packaged engine then fails to start.
 */
final class CampaignFactory implements AggregateFactory<Campaign> {

    private final Constructor<Campaign> blank;

    CampaignFactory() {
        try {
            blank = Campaign.class.getDeclaredConstructor();
            blank.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a campaign needs a no-argument constructor to be rebuilt from its events", e);
        }
    }

    @Override
    public Campaign createAggregateRoot(String aggregateIdentifier, DomainEventMessage<?> firstEvent) {
        if (firstEvent.getPayload() instanceof Campaign snapshot) {
            return snapshot;
        }
        try {
            return blank.newInstance();
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("a blank campaign could not be made", e);
        }
    }

    @Override
    public Class<Campaign> getAggregateType() {
        return Campaign.class;
    }
}
