package org.campaignengine.projections.contacts;

import java.time.Instant;

/**
 * One contact as the contacts page shows it. {@code delivery} is null for a contact never messaged
 * (named only by a reply, an opt-out, a click...): there is no message whose delivery could be told.
 */
public record ContactRow(String contactId, String name, String phone, Delivery delivery, String failedReason,
                         boolean optedOut, Instant lastActivityAt) {
}
