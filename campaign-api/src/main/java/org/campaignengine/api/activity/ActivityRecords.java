package org.campaignengine.api.activity;

import java.util.ArrayList;
import java.util.List;

import org.campaignengine.api.activity.ActivityRequests.Record;
import org.campaignengine.api.privacy.ContactKeys;
import org.campaignengine.domain.campaign.ActivityRecord;
import org.campaignengine.domain.campaign.ContactId;
import org.springframework.stereotype.Component;

/**
 * Activity records as the API takes them (the HTTP API), their field rules already held by Bean Validation
 * ({@link ActivityRequests}), with each contact's name and phone number sealed under the contact's key before
 * they go any further: the command, its event and every read model only ever hold the sealed form. A
 * forgotten contact's name and phone are not kept at all.
 */
@Component
class ActivityRecords {

    private final ContactKeys keys;

    ActivityRecords(ContactKeys keys) {
        this.keys = keys;
    }

    /** The valid records of a request ({@code @Valid}), as the domain takes them, names and phones sealed. */
    List<ActivityRecord> toDomain(List<Record> records) {
        List<ActivityRecord> result = new ArrayList<>(records.size());
        for (Record r : records) {
            ContactId contact = r.contactId() == null ? null : ContactId.of(r.contactId());
            result.add(new ActivityRecord(r.recordId(), r.type(), r.at(), contact, r.contactName(), r.phone(),
                    r.messageId(), r.reason(), r.costMicros(), r.callerId(), r.tags(), r.operatedBy()));
        }
        return sealed(result);
    }

    private List<ActivityRecord> sealed(List<ActivityRecord> records) {
        List<String> named = records.stream().filter(r -> r.contactName() != null || r.phone() != null)
                .map(r -> r.contactId().value()).distinct().toList();
        if (named.isEmpty()) {
            return records;
        }
        ContactKeys.Sealer sealer = keys.sealer(named);
        return records.stream().map(r -> r.contactName() == null && r.phone() == null ? r
                : new ActivityRecord(r.recordId(), r.type(), r.at(), r.contactId(),
                        sealer.seal(r.contactId().value(), r.contactName()), sealer.seal(r.contactId().value(), r.phone()),
                        r.messageId(), r.reason(), r.costMicros(), r.callerId(), r.tags(), r.operatedBy()))
                .toList();
    }
}
