package org.campaignengine.domain.ids;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import org.axonframework.common.IdentifierFactory;

/**
 * Every id the engine makes for a new campaign or event: a version 7 UUID (RFC 9562), whose first 48 bits
 * are the time in milliseconds and the rest random, generated in increasing order within the process.
 * Axon finds this factory through {@code META-INF/services} and names every message with it; the API names
 * new campaigns with it ({@code IdentifierFactory.getInstance()}).
 *
 * <p>Why not random (version 4) UUIDs: the ids key the event store, the audit chain, every read model's
 * rows and the status index's sort indexes (each ending in the campaign's id), and a random key puts each
 * new entry on a random page of every one of those indexes. On a large store those pages are mostly not
 * in the database's memory, so every create read some and wrote others out; with ids in time order new
 * entries land on the few pages at the end of each index, which stay in memory. In a status index of
 * 120,000 campaigns, inserting 30,000 more took a quarter to two fifths less time and dirtied a fifth to a
 * quarter as many pages.
 * A time-ordered id tells when it was made, which a campaign's own creation time says anyway.
 */
public final class TimeOrderedIdentifiers extends IdentifierFactory {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    @Override
    public String generateIdentifier() {
        return GENERATOR.generate().toString();
    }
}
