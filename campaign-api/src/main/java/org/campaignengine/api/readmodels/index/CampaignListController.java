package org.campaignengine.api.readmodels.index;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.campaignengine.api.web.OfficeScope;
import org.campaignengine.api.web.input.QueryParameters;
import org.campaignengine.domain.campaign.CampaignStatus;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.projections.statusindex.CampaignPage;
import org.campaignengine.projections.statusindex.CountTabs;
import org.campaignengine.projections.statusindex.DisplayProfile;
import org.campaignengine.projections.statusindex.IndexSort;
import org.campaignengine.projections.statusindex.IndexTab;
import org.campaignengine.projections.statusindex.ListCampaigns;
import org.campaignengine.projections.statusindex.TabCounts;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The index pages: lists by tab with search, filters, sorting and pages, rows with the words of the
 * {@code profile} asked for; and the tabs' counts.
 */
@Tag(name = "read models")
@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignListController {

    @Schema(name = "IndexPage", description = "A page of the index.")
    record Page(
            @Schema(description = "The campaigns of this page.") List<IndexRow> items,
            @Schema(description = "The page number, from 0.", example = "0") int page,
            @Schema(description = "The page size asked for.", example = "20") int size,
            @Schema(description = "How many campaigns match, over all pages.", example = "57") long total) {
    }

    private final QueryGateway queries;
    private final OfficeScope scope;
    private final Clock clock;
    private final DisplayProfiles profiles;

    CampaignListController(QueryGateway queries, OfficeScope scope, Clock clock, DisplayProfiles profiles) {
        this.queries = queries;
        this.scope = scope;
        this.clock = clock;
        this.profiles = profiles;
    }

    @Operation(summary = "List campaigns (index page)", description = "A page of index rows of the caller's offices, "
            + "by tab, with search (`q`, ignoring case), filters and sorting. Every bad parameter is named in one 400.")
    @ApiResponse(responseCode = "200", description = "A page of index rows.", useReturnTypeSchema = true)
    @GetMapping
    Page list(
            @Parameter(description = "active, scheduled, draft, paused, archived or all (the default: everything but "
                    + "archived and deleted).")
            @RequestParam(required = false) String tab,
            @Parameter(description = "Search in names, ignoring case.") @RequestParam(required = false) String q,
            @Parameter(description = "Only campaigns with this tag.") @RequestParam(required = false) String tag,
            @Parameter(description = "SMS or VOICE.") @RequestParam(required = false) String channel,
            @Parameter(description = "Only campaigns of this office.") @RequestParam(required = false) String office,
            @Parameter(description = "Only campaigns in this status (DRAFT, ACTIVE, ...).")
            @RequestParam(required = false) String status,
            @Parameter(description = "`field` or `field,asc|desc`, e.g. `name,asc` (names sort ignoring case).")
            @RequestParam(required = false) String sort,
            @Parameter(description = "The page number, from 0.") @RequestParam(defaultValue = "0") String page,
            @Parameter(description = "The page size, 1 to 100.")
            @RequestParam(defaultValue = "" + QueryParameters.DEFAULT_PAGE_SIZE) String size,
            @Parameter(description = "The product whose words `displayStatus` shows (thrutext, thrutalk, two-way, "
                    + "...); the configured default when absent.")
            @RequestParam(required = false) String profile) {
        QueryParameters parameters = new QueryParameters();
        IndexTab indexTab = tab == null ? IndexTab.ALL : parameters.oneOf("tab", tab, IndexTab::byApiName,
                Arrays.stream(IndexTab.values()).map(IndexTab::apiName).toList());
        Channel byChannel = parameters.oneOf("channel", channel, name -> enumValue(Channel.class, name),
                QueryParameters.names(Channel.class));
        CampaignStatus byStatus = parameters.oneOf("status", status, name -> enumValue(CampaignStatus.class, name),
                QueryParameters.names(CampaignStatus.class));
        IndexSort indexSort = sort == null ? IndexSort.DEFAULT
                : parameters.choice("sort", sort, CampaignListController::sort, "field or field,asc|desc with a field of "
                        + IndexSort.fields().stream().sorted().toList());
        int pageNumber = parameters.page(page);
        int pageSize = parameters.size(size);
        DisplayProfile display = profile == null ? profiles.fallback()
                : parameters.oneOf("profile", profile, DisplayProfile::byApiName, DisplayProfiles.NAMES);
        parameters.requireValid();
        CampaignPage found = queries.query(new ListCampaigns(indexTab, q, tag, byChannel, office, byStatus, indexSort,
                pageNumber, pageSize, scope.visibleOffices()), ResponseTypes.instanceOf(CampaignPage.class)).join();
        return new Page(found.items().stream().map(row -> IndexRow.of(row, clock, display)).toList(), found.page(),
                found.size(), found.total());
    }

    @Operation(summary = "Count the index tabs", description = "How many campaigns of the caller's offices each index "
            + "tab lists.")
    @ApiResponse(responseCode = "200", description = "The tabs' counts.", useReturnTypeSchema = true)
    @GetMapping("/tabs")
    TabCounts tabs() {
        return queries.query(new CountTabs(scope.visibleOffices()), ResponseTypes.instanceOf(TabCounts.class)).join();
    }

    private static Optional<IndexSort> sort(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length > 2 || (parts.length == 2 && !parts[1].equalsIgnoreCase("asc")
                && !parts[1].equalsIgnoreCase("desc"))) {
            return Optional.empty();
        }
        return IndexSort.of(parts[0].trim(), parts.length == 1 || parts[1].equalsIgnoreCase("asc"));
    }

    private static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(name)).findFirst();
    }
}
