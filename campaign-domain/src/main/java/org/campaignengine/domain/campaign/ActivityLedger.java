package org.campaignengine.domain.campaign;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.campaignengine.domain.campaign.ActivityOutcome.Rejection;

/**
 * The part of a campaign's state that activity needs: the record ids already counted and each
 * conversation's tags. It judges a batch without changing itself; {@link #record} applies what was accepted.
 */
final class ActivityLedger {

    static final int MAX_CONVERSATION_TAGS = 3;
    static final int MAX_CONVERSATION_TAG_LENGTH = 30;

    private final Set<String> recordIds = new HashSet<>();
    private final Map<ContactId, Set<String>> conversationTags = new HashMap<>();

    record Assessment(List<ActivityRecord> accepted, int duplicates, List<Rejection> rejected) {
    }

    Assessment assess(List<ActivityRecord> batch, Situation situation, CampaignSettings settings) {
        List<ActivityRecord> accepted = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        Set<String> seenInBatch = new HashSet<>();
        Map<ContactId, Set<String>> tagsAfter = new HashMap<>();
        int duplicates = 0;
        for (ActivityRecord record : batch) {
            if (recordIds.contains(record.recordId()) || !seenInBatch.add(record.recordId())) {
                duplicates++;
                continue;
            }
            Optional<String> refusal = ActivityPolicy.refusal(situation, settings, record)
                    .or(() -> conversationRefusal(record, tagsAfter));
            if (refusal.isPresent()) {
                seenInBatch.remove(record.recordId());
                rejected.add(new Rejection(record.recordId(), refusal.get()));
            } else {
                accepted.add(record);
            }
        }
        return new Assessment(accepted, duplicates, rejected);
    }

    void record(List<ActivityRecord> records) {
        for (ActivityRecord record : records) {
            recordIds.add(record.recordId());
            if (record.type() == ActivityType.CONVERSATION_TAGGED) {
                conversationTags.computeIfAbsent(record.contactId(), k -> new LinkedHashSet<>()).addAll(record.tags());
            }
        }
    }

    private Optional<String> conversationRefusal(ActivityRecord record, Map<ContactId, Set<String>> tagsAfter) {
        return switch (record.type()) {
            case CONVERSATION_TAGGED -> tagRefusal(record, tagsAfter);
            case OPERATED_BY_CHANGED -> record.contactId() == null || record.operatedBy() == null
                    ? Optional.of("OPERATED_BY_CHANGED needs a contactId and operatedBy")
                    : Optional.empty();
            case NEEDS_ATTENTION_SET, NEEDS_ATTENTION_CLEARED, REPLY_RECEIVED, OPTED_OUT ->
                    record.contactId() == null ? Optional.of(record.type() + " needs a contactId") : Optional.empty();
            default -> Optional.empty();
        };
    }

    private Optional<String> tagRefusal(ActivityRecord record, Map<ContactId, Set<String>> tagsAfter) {
        if (record.contactId() == null || record.tags().isEmpty()) {
            return Optional.of("CONVERSATION_TAGGED needs a contactId and at least one tag");
        }
        for (String tag : record.tags()) {
            if (tag == null || tag.isBlank() || tag.length() > MAX_CONVERSATION_TAG_LENGTH) {
                return Optional.of("a conversation tag has 1 to " + MAX_CONVERSATION_TAG_LENGTH + " characters");
            }
        }
        Set<String> tags = new LinkedHashSet<>(tagsAfter.getOrDefault(record.contactId(),
                conversationTags.getOrDefault(record.contactId(), Set.of())));
        tags.addAll(record.tags());
        if (tags.size() > MAX_CONVERSATION_TAGS) {
            return Optional.of("a conversation holds at most " + MAX_CONVERSATION_TAGS + " tags");
        }
        tagsAfter.put(record.contactId(), tags);
        return Optional.empty();
    }
}
