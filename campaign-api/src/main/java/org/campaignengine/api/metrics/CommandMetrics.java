package org.campaignengine.api.metrics;

import java.util.concurrent.TimeUnit;

import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.monitoring.MessageMonitor;
import org.campaignengine.domain.campaign.CampaignOutOfScope;
import org.campaignengine.domain.campaign.CampaignRuleViolation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Every command the command bus handles, as {@code campaign.commands}: a timer (count, total time and latency
 * histogram) tagged with the command's type (its class's simple name: {@code CreateCampaign}, {@code
 * RecordActivity}, ...) and its outcome. The bus reports once the command's unit of work is over, its commit
 * included, so a lost optimistic-concurrency race (found at commit) is seen. Each attempt counts: a conflict
 * the gateway retried successfully shows as one {@code conflict} and one {@code ok}.
 */
final class CommandMetrics implements MessageMonitor<Message<?>> {

    static final String NAME = "campaign.commands";

    /** What became of a command. */
    enum Outcome {
        /** Handled and committed. */
        OK,
        /** Lost an optimistic-concurrency race on its campaign (retried by the gateway, or answered 409). */
        CONFLICT,
        /** Refused by the rules: a rule or lifecycle violation, invalid input, an unknown or unseen campaign. */
        REFUSED,
        /** Anything else: the engine or its store failed. */
        ERROR;

        String tag() {
            return name().toLowerCase();
        }
    }

    private final MeterRegistry registry;

    CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        String type = message.getPayloadType().getSimpleName();
        long start = System.nanoTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                record(type, Outcome.OK, start);
            }

            @Override
            public void reportFailure(Throwable cause) {
                record(type, outcome(cause), start);
            }

            @Override
            public void reportIgnored() {
                record(type, Outcome.ERROR, start);
            }
        };
    }

    static Outcome outcome(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return Outcome.CONFLICT;
            }
            if (cause instanceof CampaignRuleViolation || cause instanceof CampaignOutOfScope
                    || cause instanceof AggregateNotFoundException) {
                return Outcome.REFUSED;
            }
        }
        return Outcome.ERROR;
    }

    private void record(String type, Outcome outcome, long start) {
        Timer.builder(NAME)
                .description("Commands handled, by type and outcome (ok, conflict, refused, error)")
                .tag("command", type)
                .tag("outcome", outcome.tag())
                .register(registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
}
