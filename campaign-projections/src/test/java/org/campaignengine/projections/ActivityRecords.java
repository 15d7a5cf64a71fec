package org.campaignengine.projections;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.campaignengine.domain.campaign.ActivityRecord;
import org.campaignengine.domain.campaign.ActivityType;
import org.campaignengine.domain.campaign.CampaignEvent.ActivityRecorded;
import org.campaignengine.domain.campaign.ContactId;
import org.campaignengine.domain.campaign.OperatedBy;

/** Activity records as the sending services report them, each with a fresh record id; only what a test needs is set. */
public final class ActivityRecords {

    private ActivityRecords() {
    }

    public static Record record(ActivityType type, String contactId, Instant at) {
        return new Record(type, contactId, at);
    }

    public static ActivityRecorded batch(String campaignId, Record... records) {
        return new ActivityRecorded(campaignId, Arrays.stream(records).map(Record::build).toList());
    }

    public static final class Record {
        private final ActivityType type;
        private final String contactId;
        private final Instant at;
        private String name;
        private String phone;
        private String messageId;
        private String reason;
        private List<String> tags = List.of();
        private OperatedBy operatedBy;

        private Record(ActivityType type, String contactId, Instant at) {
            this.type = type;
            this.contactId = contactId;
            this.at = at;
        }

        public Record name(String value) { name = value; return this; }
        public Record phone(String value) { phone = value; return this; }
        public Record message(String value) { messageId = value; return this; }
        public Record reason(String value) { reason = value; return this; }
        public Record tags(String... values) { tags = List.of(values); return this; }
        public Record operatedBy(OperatedBy value) { operatedBy = value; return this; }

        public ActivityRecord build() {
            return new ActivityRecord(UUID.randomUUID().toString(), type, at,
                    contactId == null ? null : ContactId.of(contactId), name, phone, messageId, reason, null, null,
                    tags, operatedBy);
        }
    }
}
