package org.campaignengine.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.campaignengine.api.metrics.CommandMetrics.Outcome;
import org.campaignengine.domain.campaign.CampaignOutOfScope;
import org.campaignengine.domain.campaign.InvalidCampaignInput;
import org.campaignengine.domain.campaign.NotReadyForLaunch;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class CommandMetricsTest {

    record PauseCampaign(String id) {
    }

    @Test
    void a_lost_race_is_a_conflict_a_broken_rule_a_refusal_and_anything_else_an_error() {
        assertThat(CommandMetrics.outcome(new ConcurrencyException("taken"))).isEqualTo(Outcome.CONFLICT);
        assertThat(CommandMetrics.outcome(new IllegalStateException("wrapped", new ConcurrencyException("taken"))))
                .isEqualTo(Outcome.CONFLICT);
        assertThat(CommandMetrics.outcome(InvalidCampaignInput.of("name", "is required"))).isEqualTo(Outcome.REFUSED);
        assertThat(CommandMetrics.outcome(new NotReadyForLaunch(List.of("contactList")))).isEqualTo(Outcome.REFUSED);
        assertThat(CommandMetrics.outcome(new CampaignOutOfScope("c-1"))).isEqualTo(Outcome.REFUSED);
        assertThat(CommandMetrics.outcome(new AggregateNotFoundException("c-1", "none"))).isEqualTo(Outcome.REFUSED);
        assertThat(CommandMetrics.outcome(new CommandExecutionException("remote", InvalidCampaignInput.of("x", "y"))))
                .isEqualTo(Outcome.REFUSED);
        assertThat(CommandMetrics.outcome(new IllegalStateException("the store failed"))).isEqualTo(Outcome.ERROR);
    }

    @Test
    void each_command_is_timed_by_its_type_and_outcome_and_nothing_else() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CommandMetrics metrics = new CommandMetrics(registry);
        MonitorCallback first = metrics.onMessageIngested(GenericCommandMessage.asCommandMessage(new PauseCampaign("c-1")));
        first.reportSuccess();
        metrics.onMessageIngested(GenericCommandMessage.asCommandMessage(new PauseCampaign("c-2")))
                .reportFailure(new ConcurrencyException("taken"));
        metrics.onMessageIngested(GenericCommandMessage.asCommandMessage(new PauseCampaign("c-3")))
                .reportFailure(new RuntimeException("boom"));

        assertThat(registry.get(CommandMetrics.NAME).tags("command", "PauseCampaign", "outcome", "ok").timer().count())
                .isEqualTo(1);
        assertThat(registry.get(CommandMetrics.NAME).tags("outcome", "conflict").timer().count()).isEqualTo(1);
        assertThat(registry.get(CommandMetrics.NAME).tags("outcome", "error").timer().count()).isEqualTo(1);
        registry.getMeters().forEach(meter -> assertThat(meter.getId().getTags()).extracting("key")
                .containsExactlyInAnyOrder("command", "outcome"));
    }
}
