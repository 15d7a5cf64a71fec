package org.campaignengine.api.deadletters;

import java.time.Instant;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.campaignengine.domain.campaign.CampaignMessages;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A campaign's sequence set aside by a read model: the event that failed, why, when it first and last
 * failed, how often it was tried, and how many of the campaign's events wait behind it ({@code letters}
 * counts it too).
 */
@Schema(name = "DeadLetter", description = "A campaign's sequence a read model set aside: the event that failed, why, "
        + "and how many of the campaign's events wait behind it.")
record DeadLetterView(
        @Schema(description = "The read model.", example = "status-index") String processor,
        @Schema(description = "The sequence (a campaign's events are one sequence).",
                example = "3f8e0c1a-5d7b-4f6e-9a2b-1c3d4e5f6a7b") String sequenceId,
        @Schema(description = "The campaign.", example = "3f8e0c1a-5d7b-4f6e-9a2b-1c3d4e5f6a7b") String campaignId,
        @Schema(description = "The event that failed.", example = "5b0d7c1e-2f4a-4e3b-8c9d-0a1b2c3d4e5f")
        String eventId,
        @Schema(description = "Its name.", example = "Launched") String eventType,
        @Schema(description = "When it happened.", example = "2026-12-05T10:15:00Z") Instant occurredAt,
        @Schema(description = "The failure's class.",
                example = "org.springframework.dao.DataIntegrityViolationException") String causeType,
        @Schema(description = "The failure's message.", example = "value too long for column") String causeMessage,
        @Schema(description = "When it first failed.", example = "2026-12-05T10:15:01Z") Instant firstFailedAt,
        @Schema(description = "When it last failed.", example = "2026-12-05T11:00:00Z") Instant lastFailedAt,
        @Schema(description = "How often it was tried.", example = "3") long attempts,
        @Schema(description = "The letters of the sequence, this one included.", example = "4") long letters) {

    @Schema(name = "DeadLetterCount", description = "Letters and sequences one read model holds.")
    record Count(
            @Schema(description = "The read model.", example = "status-index") String processor,
            @Schema(description = "Sequences set aside.", example = "1") long sequences,
            @Schema(description = "Letters in them.", example = "4") long letters) {
    }

    static DeadLetterView of(String processor, String sequenceId, DeadLetter<? extends EventMessage<?>> first,
                             long letters) {
        EventMessage<?> event = first.message();
        return new DeadLetterView(processor, sequenceId, CampaignMessages.campaignOf(event).orElse(null),
                event.getIdentifier(), event.getPayloadType().getSimpleName(), event.getTimestamp(),
                first.cause().map(Cause::type).orElse(null), first.cause().map(Cause::message).orElse(null),
                first.enqueuedAt(), first.lastTouched(), ParkingPolicy.attempts(first.diagnostics()), letters);
    }
}
