package org.campaignengine.domain.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.campaignengine.domain.campaign.CampaignCommand.PauseCampaign;
import org.junit.jupiter.api.Test;

class CampaignTargetsTest {

    private final CampaignTargets targets = new CampaignTargets();

    /** A command for another aggregate, as the number pool's are. */
    record ReleaseNumbers(@TargetAggregateIdentifier String useCaseId) {
    }

    @Test
    void a_campaign_command_targets_the_campaign_it_names_as_the_annotations_would() {
        CampaignId id = CampaignId.of("3f8e0c1a-5d7b-4f6e-9a2b-1c3d4e5f6a7b");
        var command = GenericCommandMessage.asCommandMessage(new PauseCampaign(id));

        VersionedAggregateIdentifier target = targets.resolveTarget(command);

        assertThat(target).isEqualTo(AnnotationCommandTargetResolver.builder().build().resolveTarget(command));
        assertThat(target.getIdentifier()).isEqualTo(id.toString());
        assertThat(target.getIdentifierValue()).isEqualTo(id);
        assertThat(target.getVersion()).isNull();
    }

    @Test
    void any_other_command_is_resolved_by_its_annotations() {
        var command = GenericCommandMessage.asCommandMessage(new ReleaseNumbers("use-case-1"));

        assertThat(targets.resolveTarget(command).getIdentifier()).isEqualTo("use-case-1");
    }

    @Test
    void a_command_naming_no_aggregate_is_refused_as_axon_refuses_it() {
        assertThatThrownBy(() -> targets.resolveTarget(GenericCommandMessage.asCommandMessage(new PauseCampaign(null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not identify the target aggregate");
    }
}
