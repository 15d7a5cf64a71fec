package org.campaignengine.api.readmodels.analytics;

import static org.campaignengine.api.web.openapi.ProblemType.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.campaignengine.api.readmodels.ReadConsistency;
import org.campaignengine.api.readmodels.ReadConsistency.Answer;
import org.campaignengine.api.web.openapi.Refusals;
import org.campaignengine.domain.campaign.InvalidCampaignInput;
import org.campaignengine.domain.campaign.InvalidCampaignInput.FieldError;
import org.campaignengine.projections.analytics.ActivityAnswer;
import org.campaignengine.projections.analytics.ActivityAnswer.ActivityBucket;
import org.campaignengine.projections.analytics.ActivityAnswer.ActivitySeries;
import org.campaignengine.projections.analytics.ActivityAnswer.TooManyBuckets;
import org.campaignengine.projections.analytics.Analytics;
import org.campaignengine.projections.analytics.CampaignActivity;
import org.campaignengine.projections.analytics.CampaignAnalytics;
import org.campaignengine.projections.analytics.FindActivity;
import org.campaignengine.projections.analytics.FindAnalytics;
import org.campaignengine.projections.analytics.Granularity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A campaign's analytics and its activity over time (HTTP API, Queries). As for the campaign itself, a
 * campaign of another office, deleted or unknown answers 404, {@code minVersion} waits for the
 * analytics read model to have applied that version of the campaign's lifecycle, and
 * {@code activityVersion} for it to have applied that many of its activity records.
 */
@Tag(name = "read models")
@RestController
@RequestMapping("/api/v1/campaigns")
class AnalyticsController {

    private static final String AUTO = "auto";
    /** What {@code granularity} may be: {@value #AUTO}, then the read model's granularities. */
    private static final List<String> GRANULARITIES = Stream.concat(Stream.of(AUTO),
            Arrays.stream(Granularity.values()).map(Granularity::apiName)).toList();

    @Schema(description = "A campaign's activity over its active range, in buckets.")
    record ActivityOverTime(
            @Schema(description = "The bucket size: hour, day, month or year (chosen to fit the range for auto).",
                    example = "day") String granularity,
            @Schema(description = "The buckets, in time order.") List<ActivityBucket> buckets) {
    }

    private static final Answer<CampaignAnalytics> ANALYTICS = new Answer<>(CampaignAnalytics::version,
            CampaignAnalytics::activityVersion, CampaignAnalytics::deleted, CampaignAnalytics::office);
    private static final Answer<CampaignActivity> ACTIVITY = new Answer<>(CampaignActivity::version,
            CampaignActivity::activityVersion, CampaignActivity::deleted, CampaignActivity::office);

    private final QueryGateway queries;
    private final ReadConsistency consistency;
    private final Clock clock;

    AnalyticsController(QueryGateway queries, ReadConsistency consistency, Clock clock) {
        this.queries = queries;
        this.consistency = consistency;
        this.clock = clock;
    }

    @Operation(summary = "A campaign's analytics", description = "Send status, engagement, responses, cost, "
            + "click-through rate, recipients and voice figures. Unknown, deleted or of another office is 404; "
            + "`minVersion` and `activityVersion` wait for the analytics read model.")
    @ApiResponse(responseCode = "200", description = "The campaign's analytics.", useReturnTypeSchema = true)
    @Refusals({NOT_FOUND, READ_MODEL_BEHIND})
    @GetMapping("/{id}/analytics")
    Analytics analytics(
            @Parameter(description = "The campaign's id (a UUID).") @PathVariable UUID id,
            @Parameter(description = ReadConsistency.MIN_VERSION) @RequestParam(required = false) Long minVersion,
            @Parameter(description = ReadConsistency.ACTIVITY_VERSION)
            @RequestParam(required = false) Long activityVersion) {
        return consistency.campaign(id.toString(), () -> queries.query(new FindAnalytics(id.toString()),
                ResponseTypes.optionalInstanceOf(CampaignAnalytics.class)).join(), ANALYTICS, minVersion,
                activityVersion).analytics();
    }

    /** Buckets of the campaign's active range; granularity {@value #AUTO}, the default, fits them to the range. */
    @Operation(summary = "A campaign's activity over time", description = "Inbound and outbound activity in buckets "
            + "over the campaign's active range. `auto` fits the granularity to the range; a granularity that would "
            + "cut it into too many buckets is a 400.")
    @ApiResponse(responseCode = "200", description = "The buckets.", useReturnTypeSchema = true)
    @Refusals({NOT_FOUND, READ_MODEL_BEHIND})
    @GetMapping("/{id}/analytics/activity")
    ActivityOverTime activity(
            @Parameter(description = "The campaign's id (a UUID).") @PathVariable UUID id,
            @Parameter(description = "auto (the default), hour, day, month or year.")
            @RequestParam(defaultValue = AUTO) String granularity,
            @Parameter(description = ReadConsistency.MIN_VERSION) @RequestParam(required = false) Long minVersion,
            @Parameter(description = ReadConsistency.ACTIVITY_VERSION)
            @RequestParam(required = false) Long activityVersion) {
        Granularity asked = granularity(granularity);
        CampaignActivity found = consistency.campaign(id.toString(), () -> find(id, asked, clock.instant()), ACTIVITY,
                minVersion, activityVersion);
        ActivityAnswer answer = found.answer();
        if (answer instanceof TooManyBuckets refused) {
            throw InvalidCampaignInput.of("granularity", "'" + refused.granularity().apiName() + "' cuts this "
                    + "campaign's active range into " + refused.needed() + " buckets; at most "
                    + ActivityAnswer.MAX_BUCKETS + " are drawn: choose a coarser granularity or auto");
        }
        ActivitySeries series = (ActivitySeries) answer;
        return new ActivityOverTime(series.granularity().apiName(), series.buckets());
    }

    private Optional<CampaignActivity> find(UUID id, Granularity granularity, Instant now) {
        return queries.query(new FindActivity(id.toString(), granularity, now),
                ResponseTypes.optionalInstanceOf(CampaignActivity.class)).join();
    }

    /** Null for {@value #AUTO}: the read model fits the granularity to the range. */
    private static Granularity granularity(String text) {
        if (AUTO.equals(text)) {
            return null;
        }
        return Granularity.byApiName(text).orElseThrow(() -> new InvalidCampaignInput(List.of(
                FieldError.oneOf("granularity", GRANULARITIES))));
    }
}
