package org.campaignengine.projections.statusindex;

public record TabCounts(long active, long scheduled, long draft, long paused, long archived, long all) {
}
