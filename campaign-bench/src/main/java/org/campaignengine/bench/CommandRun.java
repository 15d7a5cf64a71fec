package org.campaignengine.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Lifecycle commands over HTTP from several clients at once, as backend services send them: each client
 * creates a campaign, renames it and archives it, again and again (three commands, each its own
 * transaction: one new stream and two appends to it). Each command's response time is kept; the rate is
 * commands answered per second of wall time.
 */
final class CommandRun {

    record Result(long commands, double seconds, Latencies latencies) {
        double perSecond() {
            return commands / seconds;
        }
    }

    static final int WARMUP_CYCLES = 30;

    private final HttpApi api;

    CommandRun(HttpApi api) {
        this.api = api;
    }

    Result run(int clients, int cyclesPerClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            runAll(pool, clients, WARMUP_CYCLES, "warm-up");
            long start = System.nanoTime();
            List<double[]> timings = runAll(pool, clients, cyclesPerClient, "measured");
            double seconds = BenchDatabase.seconds(start);
            int total = timings.stream().mapToInt(t -> t.length).sum();
            double[] all = new double[total];
            int at = 0;
            for (double[] t : timings) {
                System.arraycopy(t, 0, all, at, t.length);
                at += t.length;
            }
            return new Result(total, seconds, Latencies.of(all));
        } finally {
            pool.shutdownNow();
        }
    }

    private List<double[]> runAll(ExecutorService pool, int clients, int cycles, String round) throws Exception {
        List<Future<double[]>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String client = round + "-" + c;
            running.add(pool.submit(() -> cycles(client, cycles)));
        }
        List<double[]> timings = new ArrayList<>();
        for (Future<double[]> each : running) {
            timings.add(each.get());
        }
        return timings;
    }

    private double[] cycles(String client, int cycles) throws Exception {
        double[] millis = new double[cycles * 3];
        int n = 0;
        for (int i = 0; i < cycles; i++) {
            long t0 = System.nanoTime();
            HttpApi.Reply created = expect(201, api.post("/api/v1/campaigns",
                    Map.of("name", "Command bench " + client + " " + i, "channel", "SMS", "office", "office-1")));
            long t1 = System.nanoTime();
            String id = created.text("id");
            expect(200, api.send("PATCH", "/api/v1/campaigns/" + id, Map.of("name", "Renamed " + client + " " + i)));
            long t2 = System.nanoTime();
            expect(200, api.post("/api/v1/campaigns/" + id + "/archive", null));
            long t3 = System.nanoTime();
            millis[n++] = (t1 - t0) / 1e6;
            millis[n++] = (t2 - t1) / 1e6;
            millis[n++] = (t3 - t2) / 1e6;
        }
        return millis;
    }

    private static HttpApi.Reply expect(int status, HttpApi.Reply reply) {
        if (reply.status() != status) {
            throw new IllegalStateException("expected " + status + ", answered " + reply.status() + ": " + reply.body());
        }
        return reply;
    }
}
