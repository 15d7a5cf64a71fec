package org.campaignengine.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of one test's own, for tests that stop the server under the engine: initialised
 * in a temporary directory, listening on a free loopback port (trust auth, user {@code postgres}), and
 * stopped and started again on that port as often as the test likes. Never the shared server of
 * {@link PostgresServer}. PostgreSQL refuses to run as root, so as root the cluster belongs to the
 * {@code postgres} OS user and its programs run through {@code runuser}. {@link #close()} stops it and
 * deletes its directory; a shutdown hook stops it if the JVM ends first.
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final long COMMAND_SECONDS = 90;

    private final PostgresBinaries binaries;
    private final Path directory;
    private final int port;
    private final Thread stopAtExit;
    private boolean running;

    private PrivatePostgres(PostgresBinaries binaries, Path directory, int port) {
        this.binaries = binaries;
        this.directory = directory;
        this.port = port;
        this.stopAtExit = new Thread(this::stopQuietly, "private-postgres-stop");
    }

    /** A new cluster, started. For tests that {@link PrivatePostgresTest} lets run. */
    public static PrivatePostgres start() {
        PostgresBinaries binaries = PostgresBinaries.find().orElseThrow(() -> new IllegalStateException(
                PostgresBinaries.missing()));
        Path directory;
        try {
            directory = Files.createTempDirectory("campaign-private-postgres-");
            if (binaries.asPostgresUser()) {
                giveToPostgres(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the cluster's directory", e);
        }
        PrivatePostgres cluster = new PrivatePostgres(binaries, directory, freePort());
        cluster.run("initdb", "-D", cluster.data(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C",
                "--no-sync");
        Runtime.getRuntime().addShutdownHook(cluster.stopAtExit);
        cluster.resume();
        return cluster;
    }

    /** A JDBC URL of {@code database} on this cluster, with its credentials. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    public int port() {
        return port;
    }

    public void createDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"));
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on the private cluster", e);
        }
    }

    /** Stops the server at once, as a crash would: no checkpoint, every connection cut. */
    public void crash() {
        run("pg_ctl", "stop", "-D", data(), "-m", "immediate", "-w", "-t", "60");
        running = false;
    }

    /** Starts the server again on the same port (after a crash it recovers from its log first); returns when it accepts connections. */
    public void resume() {
        run("pg_ctl", "start", "-D", data(), "-l", directory.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + directory);
        running = true;
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException exiting) {
            // the JVM is already shutting down and runs the hook itself
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }

    private synchronized void stopQuietly() {
        if (running) {
            try {
                crash();
            } catch (RuntimeException e) {
                System.err.println("the private PostgreSQL at port " + port + " did not stop: " + e.getMessage());
            }
        }
    }

    private String data() {
        return directory.resolve("data").toString();
    }

    private void run(String program, String... arguments) {
        List<String> command = new ArrayList<>(binaries.command(program));
        command.addAll(List.of(arguments));
        Path output = directory.resolve(program + ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
            if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end within " + COMMAND_SECONDS
                        + " s; " + tail(output));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                        + "): " + tail(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    private static String tail(Path output) {
        try {
            String text = Files.readString(output);
            return text.length() > 2_000 ? text.substring(text.length() - 2_000) : text;
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static void giveToPostgres(Path directory) throws IOException {
        UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(directory, users.lookupPrincipalByName(PostgresBinaries.OS_USER));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
