package org.campaignengine.domain.campaign;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.campaignengine.domain.campaign.ActivityVerdict.Refused;

/**
 * Which records of a batch a campaign admits (the lifecycle rules' activity rules), as a function of its
 * situation, its settings and the records alone: the transition table and open hours
 * ({@link ActivityPolicy}) and each type's required fields decide; a record whose id an earlier record
 * of the batch took is a duplicate; a refused record leaves its id free for a later copy. Whether the
 * store kept an id before, and a conversation's tags, are for {@link ActivityIntake}.
 */
public final class ActivityAdmission {

    static final int MAX_CONVERSATION_TAG_LENGTH = 30;

    private ActivityAdmission() {
    }

    /** The verdicts, in the batch's order, and the ids of which any copy was refused. */
    public static Admitted admit(Situation situation, CampaignSettings settings, List<ActivityRecord> batch) {
        List<ActivityVerdict> verdicts = new ArrayList<>(batch.size());
        Set<String> taken = new HashSet<>();
        Set<String> refusedIds = new HashSet<>();
        for (ActivityRecord record : batch) {
            Optional<String> refusal = ActivityPolicy.refusal(situation, settings, record)
                    .or(() -> shapeRefusal(record));
            refusal.ifPresent(reason -> refusedIds.add(record.recordId()));
            if (taken.contains(record.recordId())) {
                verdicts.add(ActivityVerdict.DUPLICATE_IN_BATCH);
            } else if (refusal.isPresent()) {
                verdicts.add(new Refused(refusal.get()));
            } else {
                taken.add(record.recordId());
                verdicts.add(ActivityVerdict.ACCEPTED);
            }
        }
        return new Admitted(verdicts, refusedIds);
    }

    public record Admitted(List<ActivityVerdict> verdicts, Set<String> refusedIds) {
    }

    private static Optional<String> shapeRefusal(ActivityRecord record) {
        return switch (record.type()) {
            case CONVERSATION_TAGGED -> tagShapeRefusal(record);
            case OPERATED_BY_CHANGED -> record.contactId() == null || record.operatedBy() == null
                    ? Optional.of("OPERATED_BY_CHANGED needs a contactId and operatedBy")
                    : Optional.empty();
            case NEEDS_ATTENTION_SET, NEEDS_ATTENTION_CLEARED, REPLY_RECEIVED, OPTED_OUT ->
                    record.contactId() == null ? Optional.of(record.type() + " needs a contactId") : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<String> tagShapeRefusal(ActivityRecord record) {
        if (record.contactId() == null || record.tags().isEmpty()) {
            return Optional.of("CONVERSATION_TAGGED needs a contactId and at least one tag");
        }
        for (String tag : record.tags()) {
            if (tag == null || tag.isBlank() || tag.length() > MAX_CONVERSATION_TAG_LENGTH) {
                return Optional.of("a conversation tag has 1 to " + MAX_CONVERSATION_TAG_LENGTH + " characters");
            }
        }
        return Optional.empty();
    }
}
