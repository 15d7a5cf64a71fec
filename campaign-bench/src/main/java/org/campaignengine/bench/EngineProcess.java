package org.campaignengine.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged engine in a JVM of its own (full JIT, as in production; {@code spring-boot:run} would
 * run it with C1 only), on the bench database, its log in a file. {@code CAMPAIGN_BENCH_JVM_OPTS} adds JVM
 * options, e.g. {@code -XX:StartFlightRecording=filename=engine.jfr} to profile the engine under the bench.
 */
final class EngineProcess implements AutoCloseable {

    static final String PASSWORD = "bench-admin-password";

    private final Process process;
    private final int port;
    private final Path log;

    private EngineProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static EngineProcess start(Path jar, String jdbcUrl, String heap) throws Exception {
        return start(jar, jdbcUrl, heap, List.of());
    }

    /** The engine with {@code settings} ({@code --name=value}) after the bench's own. */
    static EngineProcess start(Path jar, String jdbcUrl, String heap, List<String> settings) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (mvn -DskipTests package)");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("campaign-engine-bench-", ".log");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + heap));
        String extra = System.getenv("CAMPAIGN_BENCH_JVM_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(),
                "--spring.profiles.active=postgres", "--spring.datasource.url=" + jdbcUrl,
                "--server.port=" + port, "--logging.level.root=WARN",
                "--logging.level.org.campaignengine.api.admin=INFO"));
        command.addAll(settings);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("CAMPAIGN_ADMIN_PASSWORD", PASSWORD);
        EngineProcess engine = new EngineProcess(builder.start(), port, log);
        engine.awaitHealthy(Duration.ofMinutes(3));
        return engine;
    }

    /** Stops the engine at once, as a crash or {@code kill -9} would: nothing is flushed or handed over. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    HttpApi api() {
        return new HttpApi(port, "admin", PASSWORD);
    }

    Path log() {
        return log;
    }

    private void awaitHealthy(Duration atMost) throws Exception {
        HttpApi anonymous = new HttpApi(port, null, null);
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the engine stopped while starting; see " + log);
            }
            try {
                if (anonymous.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the engine did not become healthy in " + atMost + "; see " + log);
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
