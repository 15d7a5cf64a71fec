package org.campaignengine.bench;

/** How big a run is: {@code smoke} checks that every measurement works; {@code full} is the conditions. */
record BenchSize(String name, int liveCampaigns, int archivedCampaigns, int intakeBatches, int samples,
                 int singleInserts, int commandCycles) {

    /** Clients sending lifecycle commands at once. */
    static final int COMMAND_CLIENTS = 8;

    static final int BATCH = 10_000;

    static BenchSize of(String name) {
        return switch (name) {
            case "smoke" -> new BenchSize(name, 2_000, 10_000, 5, 50, 2_000, 20);
            case "medium" -> new BenchSize(name, 20_000, 100_000, 20, 100, 5_000, 100);
            case "full" -> new BenchSize(name, 100_000, 1_000_000, 100, 200, 10_000, 200);
            default -> throw new IllegalArgumentException("size is smoke, medium or full, not " + name);
        };
    }

    /**
     * Whether this size's figures can be held against the targets. A smoke run is a wiring check: its
     * histories are too small and too short for a rate or a tail latency to mean anything, so its table
     * carries no verdicts.
     */
    boolean judged() {
        return !name.equals("smoke");
    }

    int intakeRecords() {
        return intakeBatches * BATCH;
    }
}
