package org.campaignengine.domain.campaign;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * The aggregate a command is for. A campaign command names its campaign ({@link CampaignCommand#campaignId()}),
 * so it is read by that call; Axon's {@link AnnotationCommandTargetResolver}, which searches a command's fields
 * and methods for its annotations by reflection on every command (about 2 % of a command's request thread),
 * answers for any other command (Axon's Spring support gives a lone resolver bean to every aggregate). No
 * campaign command names an expected version: concurrency is checked at the append.
 */
public final class CampaignTargets implements CommandTargetResolver {

    private final CommandTargetResolver byAnnotations = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof CampaignCommand campaignCommand && campaignCommand.campaignId() != null) {
            return new VersionedAggregateIdentifier(campaignCommand.campaignId(), null);
        }
        return byAnnotations.resolveTarget(command);
    }
}
