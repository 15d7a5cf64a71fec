package org.campaignengine.bench;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How far the engine's read models stay behind the event store's head while commands arrive, in time: every
 * {@link #EVERY_MILLIS} ms it reads the processors ({@code GET /api/v1/admin/processors}: each one's lowest
 * segment position and the head). A read model at position p, when the head is beyond it, is as far behind
 * as the time since the head first passed p (to within one sampling interval). When the run ends it waits
 * for each read model to reach the head as it was then, and keeps how long that took.
 */
final class LagWatch implements CrudComparison.SteadyWatch {

    static final long EVERY_MILLIS = 200;

    private final HttpApi api;
    private final List<String> readModels;
    /** Each sample's time (nanoTime) and head, in order. */
    private final List<long[]> heads = new ArrayList<>();
    private volatile boolean watching;
    private Thread thread;
    private Exception failure;
    private double furthestBehind;
    private String furthestReadModel = "none";
    private double caughtUpAfter = Double.NaN;

    LagWatch(HttpApi api, List<String> readModels) {
        this.api = api;
        this.readModels = readModels;
    }

    @Override
    public void started() {
        watching = true;
        thread = new Thread(() -> {
            try {
                while (watching) {
                    sample();
                    Thread.sleep(EVERY_MILLIS);
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                failure = e;
            }
        }, "bench-lag-watch");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void ended() throws Exception {
        long end = System.nanoTime();
        watching = false;
        thread.join();
        if (failure != null) {
            throw failure;
        }
        long head = processors().get(0).path("head").asLong();
        while (behind(processors(), head)) {
            if (BenchDatabase.seconds(end) > 600) {
                throw new IllegalStateException("the read models did not reach event " + head + " in 600 s");
            }
            Thread.sleep(20);
        }
        caughtUpAfter = BenchDatabase.seconds(end);
    }

    /** The most any read model was behind the head during the run, in seconds. */
    double furthestBehind() {
        return furthestBehind;
    }

    String furthestReadModel() {
        return furthestReadModel;
    }

    /** Seconds from the run's end until every read model had reached the head as it was then. */
    double caughtUpAfter() {
        return caughtUpAfter;
    }

    private void sample() throws Exception {
        long now = System.nanoTime();
        List<JsonNode> processors = processors();
        long head = processors.get(0).path("head").asLong();
        heads.add(new long[] {now, head});
        for (JsonNode processor : processors) {
            long position = processor.path("position").asLong();
            if (position >= head) {
                continue;
            }
            for (long[] sample : heads) {
                if (sample[1] > position) {
                    double behind = (now - sample[0]) / 1e9;
                    if (behind > furthestBehind) {
                        furthestBehind = behind;
                        furthestReadModel = processor.path("name").asText();
                    }
                    break;
                }
            }
        }
    }

    private boolean behind(List<JsonNode> processors, long head) {
        return processors.stream().anyMatch(p -> p.path("position").asLong() < head);
    }

    /** The read models this build has, as the processors endpoint answers them. */
    private List<JsonNode> processors() throws Exception {
        HttpApi.Reply reply = CrudComparison.expect(200, api.get("/api/v1/admin/processors"));
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode processor : reply.body()) {
            if (readModels.contains(processor.path("name").asText())) {
                found.add(processor);
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no read model among the processors: " + reply.body());
        }
        return found;
    }
}
