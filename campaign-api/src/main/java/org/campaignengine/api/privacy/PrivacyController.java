package org.campaignengine.api.privacy;

import static org.campaignengine.api.web.openapi.ProblemType.*;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.campaignengine.api.web.RequestContext;
import org.campaignengine.api.web.input.HasText;
import org.campaignengine.api.web.openapi.Refusals;
import org.campaignengine.domain.audit.AuditRecord.ContactForgotten;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Erasure of a contact's personal data (GDPR, state privacy laws): its key is destroyed, so its name and
 * phone number, sealed under that key in events, read models and exports, can no longer be read anywhere;
 * counts, figures and history stay. ADMIN only; each request is recorded with its actor.
 */
@Tag(name = "admin")
@RestController
@RequestMapping("/api/v1/contacts")
class PrivacyController {

    private final ContactKeys keys;
    private final EventGateway events;

    PrivacyController(ContactKeys keys, EventGateway events) {
        this.keys = keys;
        this.events = events;
    }

    /** Answers when and by whom the contact was first forgotten; asking again changes nothing more. */
    @Operation(summary = "Forget a contact", description = "Erases a contact's personal data: its key is destroyed, so "
            + "its name and phone, sealed under that key in events, read models and exports, can no longer be read "
            + "anywhere; counts, figures and history stay. Recorded with its actor. Asking again changes nothing and "
            + "answers when and by whom it was first forgotten.")
    @ApiResponse(responseCode = "200", description = "The contact is forgotten.", useReturnTypeSchema = true)
    @Refusals({INVALID_INPUT})
    @PostMapping("/{contactId}/forget")
    ContactKeys.Forgotten forget(
            @Parameter(description = "The contact's id, 1 to 100 characters.", example = "c-10001")
            @PathVariable @HasText(max = 100, message = "has 1 to 100 characters") String contactId) {
        ContactKeys.Forgotten forgotten = keys.forget(contactId, RequestContext.actor());
        events.publish(GenericEventMessage.asEventMessage(new ContactForgotten(contactId))
                .andMetaData(RequestContext.auditMetaData()));
        return forgotten;
    }
}
