package org.campaignengine.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.campaignengine.bench.bus.BusDriver;

/**
 * The packaged engine in a JVM of its own (full JIT, as in production; {@code spring-boot:run} would
 * run it with C1 only), on the bench database, its log in a file. {@code CAMPAIGN_BENCH_JVM_OPTS} adds JVM
 * options to every JVM it starts (engines and the CRUD baseline alike), {@code %port} in them becoming that
 * JVM's HTTP port, e.g. {@code -XX:StartFlightRecording=filename=run-%port.jfr} for a profile of each.
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
        return start(jar, jdbcUrl, heap, settings, List.of());
    }

    /** The engine with extra JVM options ({@code jvmOptions}, before the jar) and {@code settings}. */
    static EngineProcess start(Path jar, String jdbcUrl, String heap, List<String> settings, List<String> jvmOptions)
            throws Exception {
        return launch(jar, jdbcUrl, heap, jvmOptions, List.of("-jar", jar.toString()), settings, LIVENESS);
    }

    /**
     * The CRUD baseline ({@code crud.CrudService}) on the engine's jar: Spring Boot's {@code PropertiesLauncher}
     * with the baseline's own jar ({@code crudJar}) on {@code loader.path}, so it runs on exactly the engine's
     * libraries; on the same database, with the same heap and the same admin password as an engine would be.
     */
    static EngineProcess startCrud(Path jar, Path crudJar, String jdbcUrl, String heap) throws Exception {
        if (!Files.isRegularFile(crudJar)) {
            throw new IllegalStateException(crudJar + " is missing: build it first (mvn -DskipTests package)");
        }
        return launch(jar, jdbcUrl, heap, List.of("-Dloader.path=" + crudJar,
                        "-Dloader.main=org.campaignengine.bench.crud.CrudService"),
                List.of("-cp", jar.toString(), "org.springframework.boot.loader.launch.PropertiesLauncher"), List.of(),
                "/health");
    }

    /**
     * The engine's jar run by Spring Boot's {@code PropertiesLauncher} with {@link BusDriver} as its main
     * class: the driver's class file is copied to a directory of its own, the launcher's {@code loader.path},
     * so the engine runs on its own jar's libraries and the bench is on its class path for this run only.
     * The driver starts the engine (as {@link #start} would, on a port of its own), sends its commands and
     * exits; {@link #awaitLine} reads its result.
     */
    static EngineProcess startBusDriver(Path jar, String jdbcUrl, String heap, int threads, int warmupCycles,
                                        int cycles) throws Exception {
        Path driver = Files.createTempDirectory("campaign-bench-bus-");
        String name = BusDriver.class.getName().replace('.', '/') + ".class";
        Path copy = driver.resolve(name);
        Files.createDirectories(copy.getParent());
        try (var in = BusDriver.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the bench's class path");
            }
            Files.copy(in, copy);
        }
        return launch(jar, jdbcUrl, heap, List.of("-Dloader.path=" + driver, "-Dloader.main=" + BusDriver.class.getName(),
                        "-Dbench.bus.threads=" + threads, "-Dbench.bus.warmup=" + warmupCycles,
                        "-Dbench.bus.cycles=" + cycles),
                List.of("-cp", jar.toString(), "org.springframework.boot.loader.launch.PropertiesLauncher"), List.of(),
                null);
    }

    /** One key-encryption key file per database, made by the first engine started on it, shared by the others. */
    private static Path keyFile(String jdbcUrl) {
        return Path.of(System.getProperty("java.io.tmpdir"), "campaign-engine-bench-keys",
                Integer.toHexString(jdbcUrl.hashCode()) + ".kek");
    }

    private static EngineProcess launch(Path jar, String jdbcUrl, String heap, List<String> jvmOptions,
                                        List<String> main, List<String> settings, String healthPath)
            throws Exception {
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
            command.addAll(List.of(extra.trim().replace("%port", String.valueOf(port)).split("\\s+")));
        }
        command.addAll(jvmOptions);
        command.addAll(main);
        command.addAll(List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + jdbcUrl,
                "--server.port=" + port, "--logging.level.root=WARN",
                "--logging.level.org.campaignengine.api.admin=INFO",
                "--campaign.privacy.key-file=" + keyFile(jdbcUrl)));
        command.addAll(settings);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("CAMPAIGN_ADMIN_PASSWORD", PASSWORD);
        EngineProcess engine = new EngineProcess(builder.start(), port, log);
        if (healthPath != null) {
            engine.awaitHealthy(healthPath, Duration.ofMinutes(3));
        }
        return engine;
    }

    /** An engine's health path for {@link #awaitHealthy}: the process serves (not: every read model caught up). */
    private static final String LIVENESS = "/actuator/health/liveness";

    /** Waits for the process to end by itself and answers the rest of its log's line starting with {@code prefix}. */
    String awaitLine(String prefix, Duration atMost) throws Exception {
        if (!process.waitFor(atMost.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the process did not end in " + atMost + "; see " + log);
        }
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.startsWith(prefix)).findFirst()
                    .map(line -> line.substring(prefix.length()))
                    .orElseThrow(() -> new IllegalStateException("no " + prefix.trim() + " line (exit "
                            + process.exitValue() + "); see " + log));
        }
    }

    long pid() {
        return process.pid();
    }

    /** The JVM option that logs every collection to the engine's log, which {@link #heap} reads. */
    static final String GC_LOG = "-Xlog:gc:stdout";

    /** Heap figures of an engine started with {@link #GC_LOG}, in MB; {@code committed} is the most it grew to. */
    record Heap(double afterFullGc, double peak, double committed, boolean outOfMemory) {
    }

    private static final java.util.regex.Pattern COLLECTION = java.util.regex.Pattern.compile(
            "\\[gc\\s*\\].*Pause.*?(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    /**
     * Forces a full collection ({@code jcmd PID GC.run}) and answers the heap it left, the most the heap
     * held before any collection of this engine's life (its peak, as near as the log can tell), the most
     * heap the JVM committed, and whether the log shows an {@code OutOfMemoryError}.
     */
    Heap heap() throws Exception {
        long fullBefore = fullCollections();
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!gc.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || gc.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid() + " GC.run failed");
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            double peak = 0;
            Double after = null;
            long full = 0;
            double committed = 0;
            boolean outOfMemory = false;
            for (String line : Files.readAllLines(log, java.nio.charset.StandardCharsets.UTF_8)) {
                outOfMemory |= line.contains("OutOfMemoryError");
                java.util.regex.Matcher m = COLLECTION.matcher(line);
                if (m.find()) {
                    peak = Math.max(peak, mb(m.group(1), m.group(2)));
                    committed = Math.max(committed, mb(m.group(5), m.group(6)));
                    if (line.contains("Pause Full")) {
                        full++;
                        after = mb(m.group(3), m.group(4));
                    }
                }
            }
            if (full > fullBefore) {
                return new Heap(after, peak, committed, outOfMemory);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no full collection in the log after jcmd GC.run; see " + log);
            }
            Thread.sleep(200);
        }
    }

    private long fullCollections() throws IOException {
        try (var lines = Files.lines(log, java.nio.charset.StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains("Pause Full") && COLLECTION.matcher(line).find()).count();
        }
    }

    private static double mb(String amount, String unit) {
        double value = Double.parseDouble(amount);
        return switch (unit) {
            case "K" -> value / 1024;
            case "G" -> value * 1024;
            default -> value;
        };
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

    /**
     * Up and serving: liveness, not readiness, which waits for every read model to be near the head; the
     * bench measures catching up itself (an engine started on a million fresh events is up long before).
     */
    private void awaitHealthy(String healthPath, Duration atMost) throws Exception {
        HttpApi anonymous = new HttpApi(port, null, null);
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the engine stopped while starting; see " + log);
            }
            try {
                if (anonymous.get(healthPath).status() == 200) {
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
