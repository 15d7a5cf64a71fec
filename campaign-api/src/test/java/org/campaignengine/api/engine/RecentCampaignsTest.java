package org.campaignengine.api.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class RecentCampaignsTest {

    @Test
    void keepsAtMostItsSizeAndSaysWhatItForgets() {
        RecentCampaigns cache = new RecentCampaigns(100);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });

        IntStream.range(0, 1_000).forEach(i -> cache.put("campaign-" + i, i));

        long kept = IntStream.range(0, 1_000).filter(i -> cache.containsKey("campaign-" + i)).count();
        assertThat(kept).isLessThanOrEqualTo(100);
        assertThat(expired).hasSize(1_000 - (int) kept);
    }

    @Test
    void answersWhatWasPutUntilItIsRemovedAndTellsItsListenersUntilTheyLeave() {
        RecentCampaigns cache = new RecentCampaigns(10);
        List<String> heard = new ArrayList<>();
        Registration listening = cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                heard.add("updated " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }
        });

        cache.put("a", 1);
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        cache.put("a", 3);
        assertThat((Integer) cache.get("a")).isEqualTo(3);
        assertThat(cache.remove("a")).isTrue();
        assertThat((Object) cache.get("a")).isNull();
        listening.cancel();
        cache.put("b", 1);

        assertThat(heard).containsExactly("created a", "updated a", "removed a");
    }
}
