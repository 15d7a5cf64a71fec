package org.campaignengine.api.e2e;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.campaignengine.api.CampaignEngineApplication;

/**
 * The engine in a JVM of its own, started by its main class on the application's class path (the test's,
 * without the test classes) with an H2 store under {@code store}, its output in a log file there: stopped
 * by a signal, as a service manager, {@code docker stop} or Ctrl-C would stop it.
 */
final class EngineJvm implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private EngineJvm(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the engine on the H2 store in {@code store} (created if new) and waits until it is healthy. */
    static EngineJvm start(Path store) throws IOException {
        Files.createDirectories(store);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-XX:TieredStopAtLevel=1", "-cp", classPath, CampaignEngineApplication.class.getName(),
                "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:file:" + store.toAbsolutePath() + "/engine;DB_CLOSE_ON_EXIT=FALSE"));
        Path log = Files.createTempFile(store, "engine-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CAMPAIGN_ADMIN_PASSWORD", EngineScenarios.PASSWORD);
        EngineJvm engine = new EngineJvm(builder.start(), port, log);
        try {
            Awaitility.await("the engine healthy; see " + log).atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> {
                        if (!engine.process.isAlive()) {
                            throw new IllegalStateException("the engine stopped while starting; see " + log);
                        }
                        return engine.client().anonymous().get("/actuator/health").status() == 200;
                    });
        } catch (RuntimeException notStarted) {
            engine.process.destroyForcibly();
            throw notStarted;
        }
        return engine;
    }

    int port() {
        return port;
    }

    EngineClient client() {
        return new EngineClient(port, "admin", EngineScenarios.PASSWORD);
    }

    /** Sends SIGTERM (on Linux and macOS, what {@link Process#destroy} sends). */
    void terminate() {
        process.destroy();
    }

    /** The exit status once the process has ended within {@code atMost}; null if it still runs. */
    Integer exitWithin(Duration atMost) throws InterruptedException {
        return process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    Path logFile() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
