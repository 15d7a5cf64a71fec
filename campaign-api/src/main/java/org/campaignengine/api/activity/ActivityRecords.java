package org.campaignengine.api.activity;

import java.util.ArrayList;
import java.util.List;

import org.campaignengine.api.activity.ActivityRequests.Record;
import org.campaignengine.api.privacy.ContactKeys;
import org.campaignengine.api.web.input.InputBounds;
import org.campaignengine.api.web.input.QueryParameters;
import org.campaignengine.api.web.input.RefusedValue;
import org.campaignengine.domain.campaign.ActivityRecord;
import org.campaignengine.domain.campaign.ActivityType;
import org.campaignengine.domain.campaign.ContactId;
import org.campaignengine.domain.campaign.InvalidCampaignInput;
import org.campaignengine.domain.campaign.InvalidCampaignInput.FieldError;
import org.springframework.stereotype.Component;

/**
 * Activity records as the API takes them (the HTTP API), checked field by field (every mistake in one 400), and
 * with each contact's name and phone number sealed under the contact's key before they go any further:
 * the command, its event and every read model only ever hold the sealed form. A forgotten contact's name
 * and phone are not kept at all.
 */
@Component
class ActivityRecords {

    static final int MAX_NAME = 200;
    static final int MAX_PHONE = 40;
    /** As wide as the read models keep them, so none is cut. */
    static final int MAX_MESSAGE_ID = 200;
    static final int MAX_CALLER_ID = 100;
    static final int MAX_REASON = 1_000;
    private static final int MAX_ERRORS = 20;
    /** What a record's {@code type} may be; an unknown one is refused while the body is read ({@link RefusedValue}). */
    static final List<String> TYPES = QueryParameters.names(ActivityType.class);

    private final ContactKeys keys;

    ActivityRecords(ContactKeys keys) {
        this.keys = keys;
    }

    List<ActivityRecord> toDomain(List<Record> records) {
        List<FieldError> errors = new ArrayList<>();
        List<ActivityRecord> result = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            Record r = records.get(i);
            String at = "records[" + i + "].";
            if (r == null) {
                errors.add(new FieldError("records[" + i + "]", "is null"));
                continue;
            }
            if (r.recordId() == null || r.recordId().isBlank() || r.recordId().length() > 100) {
                errors.add(new FieldError(at + "recordId", "is required (1 to 100 characters)"));
            }
            if (r.type() == null) {
                errors.add(new FieldError(at + "type", "is required and " + FieldError.mustBeOneOf(TYPES), TYPES));
            }
            if (r.at() == null) {
                errors.add(new FieldError(at + "at", "is required"));
            }
            boolean contactBad = r.contactId() != null && (r.contactId().isBlank() || r.contactId().length() > 100);
            if (contactBad) {
                errors.add(new FieldError(at + "contactId", "has 1 to 100 characters when given"));
            }
            checkPersonal(r, at, errors);
            checkStored(r, at, errors);
            ContactId contact = r.contactId() == null || contactBad ? null : ContactId.of(r.contactId());
            result.add(new ActivityRecord(r.recordId(), r.type(), r.at(), contact, r.contactName(), r.phone(),
                    r.messageId(), r.reason(), r.costMicros(), r.callerId(), r.tags(), r.operatedBy()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidCampaignInput(errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors);
        }
        return sealed(result);
    }

    /** A name or phone belongs to a contact: without a contact id there is no key to seal it under. */
    private static void checkPersonal(Record r, String at, List<FieldError> errors) {
        maxLength(r.contactName(), MAX_NAME, at + "contactName", errors);
        maxLength(r.phone(), MAX_PHONE, at + "phone", errors);
        if (r.contactId() == null && (r.contactName() != null || r.phone() != null)) {
            errors.add(new FieldError(at + "contactId", "is required with a contactName or phone"));
        }
    }

    /** Ids and a reason no longer than the read models keep; a cost a sum of costs can hold. */
    private static void checkStored(Record r, String at, List<FieldError> errors) {
        maxLength(r.messageId(), MAX_MESSAGE_ID, at + "messageId", errors);
        maxLength(r.callerId(), MAX_CALLER_ID, at + "callerId", errors);
        maxLength(r.reason(), MAX_REASON, at + "reason", errors);
        if (r.costMicros() != null && !InputBounds.storableCost(r.costMicros())) {
            errors.add(new FieldError(at + "costMicros", InputBounds.COST_RANGE));
        }
    }

    private static void maxLength(String value, int max, String field, List<FieldError> errors) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "has at most " + max + " characters"));
        }
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
