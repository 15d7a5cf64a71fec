package org.campaignengine.domain.campaign;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reported activity. {@code recordId} is the sender's id, so a re-sent record is counted once. Stored
 * without the fields a record leaves out (most of them, for most types): a missing field reads as null,
 * missing tags as none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
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
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> tags,
        OperatedBy operatedBy) {

    public ActivityRecord {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
