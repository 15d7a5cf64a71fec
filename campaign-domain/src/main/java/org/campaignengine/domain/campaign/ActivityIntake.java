package org.campaignengine.domain.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.axonframework.eventhandling.EventBus;
import org.campaignengine.domain.campaign.ActivityOutcome.Rejection;

/**
 * Judges a batch of activity (the lifecycle rules' activity rules) and keeps what it accepts in the {@link ActivityStore}:
 * a record id seen before, in the store or earlier in the batch, is a duplicate; the transition table
 * and open hours decide the rest; a conversation holds at most three tags of at most 30 characters.
 */
final class ActivityIntake {

    static final int MAX_CONVERSATION_TAGS = 3;
    static final int MAX_CONVERSATION_TAG_LENGTH = 30;

    record Assessment(List<ActivityRecord> accepted, int duplicates, List<Rejection> rejected) {
    }

    private final ActivityStore store;
    private final CampaignId campaign;

    ActivityIntake(ActivityStore store, CampaignId campaign) {
        this.store = store;
        this.campaign = campaign;
    }

    /** {@link #take}, then the accepted records published as activity events of the campaign. */
    Assessment record(List<ActivityRecord> batch, Situation situation, CampaignSettings settings, Instant now,
                      EventBus events) {
        Assessment assessment = take(batch, situation, settings, now);
        if (!assessment.accepted().isEmpty()) {
            events.publish(CampaignMessages.activity(campaign.value(), assessment.accepted()));
        }
        return assessment;
    }

    /**
     * The ids the store recalls without a look-up are duplicates at once; of the others, those the rules
     * refuse are looked up (a record kept before is a duplicate, not a refusal), and those accepted go to
     * {@link ActivityStore#keep}, which keeps none twice: what it does not keep was a duplicate too.
     */
    Assessment take(List<ActivityRecord> batch, Situation situation, CampaignSettings settings, Instant now) {
        Set<String> known = new HashSet<>(store.recentlyKnown(campaign,
                batch.stream().map(ActivityRecord::recordId).toList()));
        List<Optional<String>> refusals = new ArrayList<>(batch.size());
        Set<String> refusedIds = new HashSet<>();
        for (ActivityRecord record : batch) {
            Optional<String> refusal = known.contains(record.recordId()) ? Optional.empty()
                    : ActivityPolicy.refusal(situation, settings, record).or(() -> shapeRefusal(record));
            refusals.add(refusal);
            refusal.ifPresent(reason -> refusedIds.add(record.recordId()));
        }
        if (!refusedIds.isEmpty()) {
            known.addAll(store.known(campaign, refusedIds));
        }
        Set<String> seen = new HashSet<>(known);
        List<ActivityRecord> candidates = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        int duplicates = 0;
        for (int i = 0; i < batch.size(); i++) {
            ActivityRecord record = batch.get(i);
            if (!seen.add(record.recordId())) {
                duplicates++;
                continue;
            }
            Optional<String> refusal = refusals.get(i);
            if (refusal.isPresent()) {
                seen.remove(record.recordId());
                rejected.add(new Rejection(record.recordId(), refusal.get()));
            } else {
                candidates.add(record);
            }
        }
        List<ActivityRecord> accepted = withinTagLimits(candidates, rejected);
        if (accepted.isEmpty()) {
            return new Assessment(accepted, duplicates, rejected);
        }
        Set<String> kept = store.keep(campaign, accepted, now);
        List<ActivityRecord> keptRecords = accepted.stream().filter(r -> kept.contains(r.recordId())).toList();
        return new Assessment(keptRecords, duplicates + accepted.size() - keptRecords.size(), rejected);
    }

    /** Tag records that would take a conversation past its limits are refused; the rest are tagged. */
    private List<ActivityRecord> withinTagLimits(List<ActivityRecord> candidates, List<Rejection> rejected) {
        Set<ContactId> tagged = candidates.stream().filter(r -> r.type() == ActivityType.CONVERSATION_TAGGED)
                .map(ActivityRecord::contactId).collect(Collectors.toSet());
        if (tagged.isEmpty()) {
            return candidates;
        }
        Map<ContactId, Set<String>> tags = new HashMap<>(store.conversationTags(campaign, tagged));
        Map<ContactId, Set<String>> changed = new HashMap<>();
        List<ActivityRecord> accepted = new ArrayList<>();
        for (ActivityRecord record : candidates) {
            if (record.type() != ActivityType.CONVERSATION_TAGGED) {
                accepted.add(record);
                continue;
            }
            Set<String> after = new LinkedHashSet<>(tags.getOrDefault(record.contactId(), Set.of()));
            after.addAll(record.tags());
            if (after.size() > MAX_CONVERSATION_TAGS) {
                rejected.add(new Rejection(record.recordId(),
                        "a conversation holds at most " + MAX_CONVERSATION_TAGS + " tags"));
            } else {
                tags.put(record.contactId(), after);
                changed.put(record.contactId(), after);
                accepted.add(record);
            }
        }
        if (!changed.isEmpty()) {
            store.tagConversations(campaign, changed);
        }
        return accepted;
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
