package org.campaignengine.api.campaigns;

import static org.campaignengine.api.web.openapi.ProblemType.*;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.campaignengine.api.readmodels.ReadConsistency;
import org.campaignengine.api.readmodels.ReadConsistency.Answer;
import org.campaignengine.api.readmodels.index.DisplayProfiles;
import org.campaignengine.api.web.openapi.Refusals;
import org.campaignengine.domain.campaign.Stage;
import org.campaignengine.domain.campaign.TimeRules;
import org.campaignengine.projections.statusindex.CampaignRow;
import org.campaignengine.projections.statusindex.DisplayProfile;
import org.campaignengine.projections.statusindex.FindCampaign;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "campaigns")
@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignQueryController {

    /** The status index keeps no count of activity: a campaign's read waits for lifecycle versions only. */
    private static final Answer<CampaignRow> ROW = Answer.withoutActivity(CampaignRow::version,
            row -> !Stage.of(row.status()).shown(), row -> row.settings().office());

    private final QueryGateway queries;
    private final ReadConsistency consistency;
    private final TimeRules rules;
    private final Clock clock;
    private final DisplayProfiles profiles;

    CampaignQueryController(QueryGateway queries, ReadConsistency consistency, TimeRules rules, Clock clock,
                            DisplayProfiles profiles) {
        this.queries = queries;
        this.profiles = profiles;
        this.consistency = consistency;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * With {@code minVersion}, answers once the read model has caught up to that version (or 504);
     * {@code profile} names the product whose word {@code displayStatus} shows.
     */
    @Operation(summary = "Read a campaign", description = "The campaign's index row, settings, launch readiness "
            + "(`launchable`, `missing`) and the actions its status allows now. A campaign that is unknown, deleted or "
            + "of another office is 404. With `minVersion`, answers once the status index has caught up to it (504 "
            + "after a bounded wait).")
    @ApiResponse(responseCode = "200", description = "The campaign.", useReturnTypeSchema = true)
    @Refusals({NOT_FOUND, READ_MODEL_BEHIND})
    @GetMapping("/{id}")
    CampaignDetail get(
            @Parameter(description = "The campaign's id (a UUID).") @PathVariable UUID id,
            @Parameter(description = ReadConsistency.MIN_VERSION) @RequestParam(required = false) Long minVersion,
            @Parameter(description = "The product whose words `displayStatus` shows (thrutext, thrutalk, two-way, "
                    + "...); the configured default when absent.")
            @RequestParam(required = false) String profile) {
        DisplayProfile display = profiles.chosen(profile);
        CampaignRow row = consistency.campaign(id.toString(), () -> find(id.toString()), ROW, minVersion, null);
        return CampaignDetail.of(row, rules, clock, display);
    }

    private Optional<CampaignRow> find(String id) {
        return queries.query(new FindCampaign(id), ResponseTypes.optionalInstanceOf(CampaignRow.class)).join();
    }
}
