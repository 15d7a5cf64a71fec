package org.campaignengine.domain.numbers;

import org.axonframework.serialization.Revision;

/** How many numbers each 10DLC use case holds, campaign by campaign. */
public sealed interface NumberPoolEvent {

    String useCaseId();

    @Revision("1")
    record NumbersReserved(String useCaseId, String campaignId, int count, int heldAfter) implements NumberPoolEvent {
    }

    @Revision("1")
    record NumbersReleased(String useCaseId, String campaignId, int count, int heldAfter) implements NumberPoolEvent {
    }
}
