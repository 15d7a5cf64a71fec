package org.campaignengine.projections.analytics;

import java.time.Instant;

/** What the read model remembers per contact, message and caller, so a later record moves a figure once. */
final class States {

    private States() {
    }

    /**
     * A contact's conversation: what it has done at least once (each counted once), and the time of its
     * earliest message no agent has answered yet.
     */
    record Contact(boolean messaged, boolean responded, boolean optedOut, boolean dialed, Instant awaitingSince) {
        static final Contact NEW = new Contact(false, false, false, false, null);

        Contact withMessaged() {
            return new Contact(true, responded, optedOut, dialed, awaitingSince);
        }

        Contact withResponded() {
            return new Contact(messaged, true, optedOut, dialed, awaitingSince);
        }

        Contact withOptedOut() {
            return new Contact(messaged, responded, true, dialed, awaitingSince);
        }

        Contact withDialed() {
            return new Contact(messaged, responded, optedOut, true, awaitingSince);
        }

        Contact awaiting(Instant since) {
            return new Contact(messaged, responded, optedOut, dialed, since);
        }
    }

    /** Where a message stands: {@code at} is the time of the receipt that put it there, null for a send. */
    record Message(Delivery delivery, Instant at) {
    }

    enum Delivery {
        SENT,
        RETRYING,
        DELIVERED,
        UNDELIVERED
    }

    /** A caller's latest login or logout. */
    record Caller(boolean loggedIn, Instant at) {
    }
}
