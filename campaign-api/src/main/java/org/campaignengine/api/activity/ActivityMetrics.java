package org.campaignengine.api.activity;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Activity intake as Prometheus sees it: {@code campaign.activity.records{outcome}} counts every record of
 * every batch the engine took in, {@code accepted} (it counted), {@code duplicate} (its {@code recordId} was
 * kept before) or {@code refused} (the campaign's status, its open hours, a tag limit). Batches refused whole
 * (400, 404, 413) are not in it: their records were never assessed.
 */
@Component
class ActivityMetrics {

    private final Counter accepted;
    private final Counter duplicate;
    private final Counter refused;

    ActivityMetrics(MeterRegistry registry) {
        accepted = counter(registry, "accepted");
        duplicate = counter(registry, "duplicate");
        refused = counter(registry, "refused");
    }

    ActivityAccepted counted(ActivityAccepted answer) {
        accepted.increment(answer.accepted());
        duplicate.increment(answer.duplicates());
        refused.increment(answer.rejected().size());
        return answer;
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("campaign.activity.records").tag("outcome", outcome)
                .description("Activity records taken in, by outcome (accepted, duplicate, refused)").register(registry);
    }
}
