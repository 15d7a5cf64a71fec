package org.campaignengine.domain.campaign;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.campaignengine.domain.campaign.ActivityOutcome.Rejection;
import org.campaignengine.domain.campaign.ActivityVerdict.DuplicateInBatch;
import org.campaignengine.domain.campaign.ActivityVerdict.Refused;

/**
 * The rest of the activity rules, once the intake has read what they need from the activity store: a
 * record kept before is a duplicate (even one the campaign would now refuse), and a conversation holds at
 * most three tags. Pure: the intake reads and writes, these only decide.
 */
public final class ActivityIntake {

    static final int MAX_CONVERSATION_TAGS = 3;

    private ActivityIntake() {
    }

    /** The records that may count, the duplicates, the refusals; {@code candidates} still face the tag limits. */
    public record Sorted(List<ActivityRecord> candidates, int duplicates, List<Rejection> rejected) {
    }

    /** The records accepted, the refusals (the earlier ones first) and the tags each changed conversation holds now. */
    public record Tagged(List<ActivityRecord> accepted, List<Rejection> rejected,
                         Map<ContactId, Set<String>> changedTags) {
    }

    /** The campaign's verdicts, with every copy of an id the store kept before counted as a duplicate. */
    public static Sorted sort(List<ActivityRecord> batch, List<ActivityVerdict> verdicts, Set<String> keptBefore) {
        List<ActivityRecord> candidates = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        int duplicates = 0;
        for (int i = 0; i < batch.size(); i++) {
            ActivityRecord record = batch.get(i);
            if (keptBefore.contains(record.recordId())) {
                duplicates++;
                continue;
            }
            ActivityVerdict verdict = verdicts.get(i);
            if (verdict instanceof Refused refused) {
                rejected.add(new Rejection(record.recordId(), refused.reason()));
            } else if (verdict instanceof DuplicateInBatch) {
                duplicates++;
            } else {
                candidates.add(record);
            }
        }
        return new Sorted(candidates, duplicates, rejected);
    }

    /** The conversations whose tags {@link #withinTagLimits} needs. */
    public static Set<ContactId> taggedContacts(List<ActivityRecord> candidates) {
        return candidates.stream().filter(r -> r.type() == ActivityType.CONVERSATION_TAGGED)
                .map(ActivityRecord::contactId).collect(Collectors.toSet());
    }

    /** Tag records that would take a conversation, holding {@code tags} now, past its limit are refused. */
    public static Tagged withinTagLimits(Sorted sorted, Map<ContactId, Set<String>> tags) {
        List<Rejection> rejected = new ArrayList<>(sorted.rejected());
        Map<ContactId, Set<String>> now = new HashMap<>(tags);
        Map<ContactId, Set<String>> changed = new HashMap<>();
        List<ActivityRecord> accepted = new ArrayList<>();
        for (ActivityRecord record : sorted.candidates()) {
            if (record.type() != ActivityType.CONVERSATION_TAGGED) {
                accepted.add(record);
                continue;
            }
            Set<String> after = new LinkedHashSet<>(now.getOrDefault(record.contactId(), Set.of()));
            after.addAll(record.tags());
            if (after.size() > MAX_CONVERSATION_TAGS) {
                rejected.add(new Rejection(record.recordId(),
                        "a conversation holds at most " + MAX_CONVERSATION_TAGS + " tags"));
            } else {
                now.put(record.contactId(), after);
                changed.put(record.contactId(), after);
                accepted.add(record);
            }
        }
        return new Tagged(accepted, rejected, changed);
    }
}
