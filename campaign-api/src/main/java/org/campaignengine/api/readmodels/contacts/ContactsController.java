package org.campaignengine.api.readmodels.contacts;

import static org.campaignengine.api.web.openapi.ProblemType.*;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.campaignengine.api.readmodels.ReadConsistency;
import org.campaignengine.api.readmodels.ReadConsistency.Answer;
import org.campaignengine.api.web.input.QueryParameters;
import org.campaignengine.api.web.openapi.Refusals;
import org.campaignengine.projections.contacts.ContactPage;
import org.campaignengine.projections.contacts.Delivery;
import org.campaignengine.projections.contacts.FindContactsCampaign;
import org.campaignengine.projections.contacts.ListContacts;
import org.campaignengine.projections.conversations.ConversationPage;
import org.campaignengine.projections.conversations.FindConversationsCampaign;
import org.campaignengine.projections.conversations.ListConversations;
import org.campaignengine.projections.conversations.Section;
import org.campaignengine.projections.scope.CampaignScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A campaign's contacts and conversations (HTTP API, Queries), pages of {@code {items, page, size, total}}.
 * The campaign is looked up in the read model that answers, not in the status index: {@code minVersion}
 * and {@code activityVersion} wait for that model, and a model replaying on its own never answers from
 * another one's state. Activity does not move a campaign's version (it is published outside the campaign's
 * stream): {@code minVersion} covers lifecycle changes, {@code activityVersion} (the activity intake's)
 * the activity records the model has applied.
 * Parameters are checked first (400), then the campaign: unknown, deleted or of another office is 404.
 */
@Tag(name = "read models")
@RestController
@RequestMapping("/api/v1/campaigns/{id}")
class ContactsController {

    /** What both models answer of the campaign: their own versions, deletion and office. */
    private static final Answer<CampaignScope> SCOPE = new Answer<>(CampaignScope::version,
            CampaignScope::activityVersion, CampaignScope::deleted, CampaignScope::office);

    private final QueryGateway queries;
    private final ReadConsistency consistency;

    ContactsController(QueryGateway queries, ReadConsistency consistency) {
        this.queries = queries;
        this.consistency = consistency;
    }

    @Operation(summary = "A campaign's contacts", description = "A page of the campaign's contacts with where each "
            + "one's latest message stands. Parameters are checked first (400), then the campaign: unknown, deleted or "
            + "of another office is 404. `minVersion` and `activityVersion` wait for the contacts read model.")
    @ApiResponse(responseCode = "200", description = "A page of contacts.", useReturnTypeSchema = true)
    @Refusals({NOT_FOUND, READ_MODEL_BEHIND})
    @GetMapping("/contacts")
    ContactPage contacts(
            @Parameter(description = "The campaign's id (a UUID).") @PathVariable UUID id,
            @Parameter(description = "Only contacts whose latest message is DELIVERED, RETRYING, UNDELIVERED or "
                    + "PENDING.")
            @RequestParam(required = false) String delivery,
            @Parameter(description = "The page number, from 0.") @RequestParam(defaultValue = "0") String page,
            @Parameter(description = "The page size, 1 to 100.")
            @RequestParam(defaultValue = "" + QueryParameters.DEFAULT_PAGE_SIZE) String size,
            @Parameter(description = ReadConsistency.MIN_VERSION) @RequestParam(required = false) Long minVersion,
            @Parameter(description = ReadConsistency.ACTIVITY_VERSION)
            @RequestParam(required = false) Long activityVersion) {
        QueryParameters parameters = new QueryParameters();
        Delivery byDelivery = parameters.oneOf("delivery", delivery, ContactsController::delivery,
                QueryParameters.names(Delivery.class));
        int pageNumber = parameters.page(page);
        int pageSize = parameters.size(size);
        parameters.requireValid();
        requireVisible(id, minVersion, activityVersion, new FindContactsCampaign(id.toString()));
        return queries.query(new ListContacts(id.toString(), byDelivery, pageNumber, pageSize),
                ResponseTypes.instanceOf(ContactPage.class)).join();
    }

    @Operation(summary = "A campaign's conversations", description = "A page of the campaign's conversations, by "
            + "section, searched and filtered by tag. Parameters are checked first (400), then the campaign: unknown, "
            + "deleted or of another office is 404. `minVersion` and `activityVersion` wait for the conversations "
            + "read model.")
    @ApiResponse(responseCode = "200", description = "A page of conversations.", useReturnTypeSchema = true)
    @Refusals({NOT_FOUND, READ_MODEL_BEHIND})
    @GetMapping("/conversations")
    ConversationPage conversations(
            @Parameter(description = "The campaign's id (a UUID).") @PathVariable UUID id,
            @Parameter(description = "needs-attention, agent or virtual-assistant.")
            @RequestParam(required = false) String section,
            @Parameter(description = "Search in contact names and phones.") @RequestParam(required = false) String q,
            @Parameter(description = "Only conversations with this tag.") @RequestParam(required = false) String tag,
            @Parameter(description = "The page number, from 0.") @RequestParam(defaultValue = "0") String page,
            @Parameter(description = "The page size, 1 to 100.")
            @RequestParam(defaultValue = "" + QueryParameters.DEFAULT_PAGE_SIZE) String size,
            @Parameter(description = ReadConsistency.MIN_VERSION) @RequestParam(required = false) Long minVersion,
            @Parameter(description = ReadConsistency.ACTIVITY_VERSION)
            @RequestParam(required = false) Long activityVersion) {
        QueryParameters parameters = new QueryParameters();
        Section bySection = parameters.oneOf("section", section, Section::byApiName,
                Arrays.stream(Section.values()).map(Section::apiName).toList());
        int pageNumber = parameters.page(page);
        int pageSize = parameters.size(size);
        parameters.requireValid();
        requireVisible(id, minVersion, activityVersion, new FindConversationsCampaign(id.toString()));
        return queries.query(new ListConversations(id.toString(), bySection, q, tag, pageNumber, pageSize),
                ResponseTypes.instanceOf(ConversationPage.class)).join();
    }

    /** Waits for the versions given; a campaign the model does not show this caller is answered 404. */
    private void requireVisible(UUID id, Long minVersion, Long activityVersion, Object find) {
        consistency.campaign(id.toString(), () -> queries.query(find,
                ResponseTypes.optionalInstanceOf(CampaignScope.class)).join(), SCOPE, minVersion, activityVersion);
    }

    /** Exactly as the HTTP API spells the values, as the index pages read {@code status} and {@code channel}. */
    private static Optional<Delivery> delivery(String text) {
        return Arrays.stream(Delivery.values()).filter(d -> d.name().equals(text)).findFirst();
    }
}
