package org.campaignengine.projections.contacts;

import java.util.Optional;

import org.campaignengine.domain.campaign.ActivityType;

/**
 * Where a contact's latest message stands (the lifecycle rules' read models: delivered, retrying, not delivered), or
 * PENDING while it is sent and no receipt has come yet. Each value has its counter column in
 * {@code contacts_campaign}, so a filtered page's total is read, not counted.
 */
public enum Delivery {
    PENDING("pending"),
    RETRYING("retrying"),
    DELIVERED("delivered"),
    UNDELIVERED("undelivered");

    private final String counter;

    Delivery(String counter) {
        this.counter = counter;
    }

    String counter() {
        return counter;
    }

    /** The state a receipt reports; empty for records that are not receipts of a message. */
    static Optional<Delivery> reportedBy(ActivityType type) {
        return switch (type) {
            case MESSAGE_RETRYING -> Optional.of(RETRYING);
            case MESSAGE_DELIVERED -> Optional.of(DELIVERED);
            case MESSAGE_UNDELIVERED -> Optional.of(UNDELIVERED);
            default -> Optional.empty();
        };
    }
}
