package org.campaignengine.domain.campaign;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The activity store and last activity of the aggregate tests: the same contract as the engine's tables, in
 * memory; keeping activity that keeps the campaign alive moves its last activity, as the engine's store does.
 */
public final class InMemoryActivityStore implements ActivityStore, LastActivity {

    private final Map<CampaignId, Set<String>> recordIds = new HashMap<>();
    private final Map<CampaignId, Map<ContactId, Set<String>>> tags = new HashMap<>();
    private final Map<CampaignId, Instant> lastActivity = new HashMap<>();
    private boolean remembersRecentIds = true;

    @Override
    public Set<String> known(CampaignId campaign, Collection<String> ids) {
        Set<String> kept = recordIds.getOrDefault(campaign, Set.of());
        return ids.stream().filter(kept::contains).collect(Collectors.toSet());
    }

    /** Like a node that has just started: it recalls no id without a look-up. */
    @Override
    public Set<String> recentlyKnown(CampaignId campaign, Collection<String> ids) {
        return remembersRecentIds ? known(campaign, ids) : Set.of();
    }

    /** From now on {@link #recentlyKnown} answers nothing, as on a node that has just started. */
    public InMemoryActivityStore rememberingNoRecentIds() {
        remembersRecentIds = false;
        return this;
    }

    @Override
    public Set<String> keep(CampaignId campaign, List<ActivityRecord> records, Instant recordedAt) {
        Set<String> kept = recordIds.computeIfAbsent(campaign, c -> new HashSet<>());
        Set<String> added = records.stream().map(ActivityRecord::recordId).filter(kept::add)
                .collect(Collectors.toSet());
        if (records.stream().anyMatch(r -> added.contains(r.recordId()) && r.type().resetsInactivity())) {
            lastActivity.merge(campaign, recordedAt, (a, b) -> a.isAfter(b) ? a : b);
        }
        return added;
    }

    @Override
    public long recordCount(CampaignId campaign) {
        return recordIds.getOrDefault(campaign, Set.of()).size();
    }

    @Override
    public Map<ContactId, Set<String>> conversationTags(CampaignId campaign, Set<ContactId> contacts) {
        Map<ContactId, Set<String>> all = tags.getOrDefault(campaign, Map.of());
        return contacts.stream().filter(all::containsKey).collect(Collectors.toMap(c -> c, all::get));
    }

    @Override
    public void tagConversations(CampaignId campaign, Map<ContactId, Set<String>> changed) {
        changed.forEach((contact, set) -> tags.computeIfAbsent(campaign, c -> new HashMap<>())
                .put(contact, new LinkedHashSet<>(set)));
    }

    @Override
    public Optional<Instant> lastActivityAt(CampaignId campaign) {
        return Optional.ofNullable(lastActivity.get(campaign));
    }

    /** Activity a test says arrived earlier, as the engine's store would hold it. */
    public InMemoryActivityStore given(CampaignId campaign, Instant recordedAt, ActivityRecord... records) {
        keep(campaign, List.of(records), recordedAt);
        return this;
    }
}
