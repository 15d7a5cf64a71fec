package org.campaignengine.domain.campaign;

import java.time.Instant;
import java.util.List;

/** One reported activity. {@code recordId} is the sender's id, so a re-sent record is counted once. */
public record ActivityRecord(
        String recordId,
        ActivityType type,
        Instant at,
        ContactId contactId,
        String contactName,
        String phone,
        String messageId,
        String reason,
        Long costMicros,
        String callerId,
        List<String> tags,
        OperatedBy operatedBy) {

    public ActivityRecord {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
