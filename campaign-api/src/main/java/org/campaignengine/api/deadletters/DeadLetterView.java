package org.campaignengine.api.deadletters;

import java.time.Instant;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.campaignengine.domain.campaign.CampaignMessages;

/**
 * A campaign's sequence set aside by a read model: the event that failed, why, when it first and last
 * failed, how often it was tried, and how many of the campaign's events wait behind it ({@code letters}
 * counts it too).
 */
record DeadLetterView(String processor, String sequenceId, String campaignId, String eventId, String eventType,
                      Instant occurredAt, String causeType, String causeMessage, Instant firstFailedAt,
                      Instant lastFailedAt, long attempts, long letters) {

    /** Letters and sequences one processor holds. */
    record Count(String processor, long sequences, long letters) {
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
