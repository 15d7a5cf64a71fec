package org.campaignengine.api;

import java.time.Duration;
import java.util.List;

import org.campaignengine.domain.campaign.TimeRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** The {@code campaign.*} properties: the lifecycle rules' durations and limits, with its defaults. */
@ConfigurationProperties("campaign")
public record EngineProperties(
        @DefaultValue Schedule schedule,
        @DefaultValue AutoArchive autoArchive,
        @DefaultValue Carrier carrier,
        @DefaultValue PhoneNumbers phoneNumbers,
        @DefaultValue Content content,
        @DefaultValue Activity activity,
        @DefaultValue Read read,
        @DefaultValue Idempotency idempotency,
        @DefaultValue Http http) {

    public record Schedule(@DefaultValue("PT30M") Duration minLeadTime, @DefaultValue("PT1H") Duration lockWindow,
                           @DefaultValue("PT15M") Duration lateLaunchGrace) {
    }

    public record AutoArchive(@DefaultValue("P30D") Duration after, @DefaultValue("P7D") Duration warnBefore) {
    }

    public record Carrier(@DefaultValue Simulated simulated) {
    }

    public record Simulated(@DefaultValue("999") List<String> unavailableAreaCodes) {
    }

    public record PhoneNumbers(@DefaultValue("49") int maxPerUseCase) {
    }

    public record Content(@DefaultValue List<String> deniedTerms) {
    }

    /**
     * {@code maxBatch}: records in one activity request; more is answered 413. {@code recentIds}: record
     * ids each node remembers having kept or seen, so a re-sent batch's duplicates are known without a
     * look-up (0: none; every id is then looked up only when the store finds it kept).
     */
    public record Activity(@DefaultValue("10000") int maxBatch, @DefaultValue("50000") int recentIds) {
    }

    /** {@code consistencyTimeout}: how long a read with {@code minVersion} waits for the read model. */
    public record Read(@DefaultValue("PT10S") Duration consistencyTimeout) {
    }

    /**
     * {@code retention}: how long the first answer to an {@code Idempotency-Key} is kept. {@code lease}: how
     * long a node's claim on a key outlives the node (renewed while its request runs). {@code nodeId}: this
     * node's name, unique among running nodes and the same after a restart, so a restarted node frees its
     * dead claims at once (default: host name and HTTP port; with port 0, a name of the process's own).
     */
    public record Idempotency(@DefaultValue("P1D") Duration retention, @DefaultValue("PT30S") Duration lease,
                              String nodeId) {
    }

    /** {@code maxRequestSize}: the largest request body accepted; more is answered 413. */
    public record Http(@DefaultValue("8MB") DataSize maxRequestSize) {
    }

    public TimeRules timeRules() {
        return new TimeRules(schedule.minLeadTime(), schedule.lockWindow(), autoArchive.after(),
                autoArchive.warnBefore(), schedule.lateLaunchGrace());
    }
}
