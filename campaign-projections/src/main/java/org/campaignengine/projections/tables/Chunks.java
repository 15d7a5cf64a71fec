package org.campaignengine.projections.tables;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Ids in pieces small enough for one {@code IN (...)} each: a batch of activity holds up to thousands. */
public final class Chunks {

    public static final int SIZE = 500;

    private Chunks() {
    }

    public static <T> List<List<T>> of(Collection<T> ids) {
        List<T> all = new ArrayList<>(ids);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += SIZE) {
            chunks.add(all.subList(from, Math.min(all.size(), from + SIZE)));
        }
        return chunks;
    }

    public static String placeholders(Collection<?> values) {
        return String.join(", ", values.stream().map(v -> "?").toList());
    }
}
