package org.campaignengine.projections.analytics;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.campaignengine.domain.campaign.ActivityRecord;
import org.campaignengine.domain.campaign.ActivityType;
import org.campaignengine.domain.campaign.ContactId;

/** Activity records as the sending services report them, each with a fresh record id. */
final class Records {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private final ActivityType type;
    private final Instant at;
    private String contactId;
    private String messageId;
    private String callerId;
    private Long costMicros;

    private Records(ActivityType type, Instant at) {
        this.type = type;
        this.at = at;
    }

    static Records of(ActivityType type, Instant at) {
        return new Records(type, at);
    }

    static ActivityRecord sent(Instant at, String contact, String message) {
        return of(ActivityType.MESSAGE_SENT, at).contact(contact).message(message).record();
    }

    static ActivityRecord receipt(ActivityType type, Instant at, String message) {
        return of(type, at).message(message).record();
    }

    static ActivityRecord by(ActivityType type, Instant at, String contact) {
        return of(type, at).contact(contact).record();
    }

    static ActivityRecord caller(ActivityType type, Instant at, String caller) {
        return of(type, at).caller(caller).record();
    }

    Records contact(String id) {
        contactId = id;
        return this;
    }

    Records message(String id) {
        messageId = id;
        return this;
    }

    Records caller(String id) {
        callerId = id;
        return this;
    }

    Records cost(long micros) {
        costMicros = micros;
        return this;
    }

    ActivityRecord record() {
        return new ActivityRecord("record-" + NEXT.incrementAndGet(), type, at,
                contactId == null ? null : ContactId.of(contactId), null, null, messageId, null, costMicros, callerId,
                List.of(), null);
    }
}
