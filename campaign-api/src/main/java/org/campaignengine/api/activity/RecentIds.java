package org.campaignengine.api.activity;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The record ids a node kept or found kept lately, the oldest forgotten first once {@code capacity} are
 * held. Plain first-in first-out on purpose: a cache that admits entries by how often they were used
 * (Caffeine's) turns away exactly the ids a re-sending service sends again, each seen once before.
 */
final class RecentIds {

    /** A campaign's record id; the record's hash reuses the two strings' cached hashes, no text is copied. */
    private record Key(String campaignId, String recordId) {
    }

    private final int capacity;
    private final Map<Key, Boolean> ids;

    RecentIds(int capacity) {
        this.capacity = Math.max(0, capacity);
        this.ids = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
                return size() > RecentIds.this.capacity;
            }
        };
    }

    synchronized void add(String campaignId, Collection<String> recordIds) {
        if (capacity == 0) {
            return;
        }
        for (String id : recordIds) {
            ids.put(new Key(campaignId, id), Boolean.TRUE);
        }
    }

    /** Those of {@code recordIds} held for the campaign. */
    synchronized Set<String> known(String campaignId, Collection<String> recordIds) {
        Set<String> known = new HashSet<>();
        if (ids.isEmpty()) {
            return known;
        }
        for (String id : recordIds) {
            if (ids.containsKey(new Key(campaignId, id))) {
                known.add(id);
            }
        }
        return known;
    }

    synchronized int size() {
        return ids.size();
    }
}
