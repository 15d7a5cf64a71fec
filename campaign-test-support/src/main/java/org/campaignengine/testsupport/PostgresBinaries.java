package org.campaignengine.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The PostgreSQL server programs ({@code initdb}, {@code pg_ctl}) a {@link PrivatePostgres} runs: from
 * {@value #BIN_VARIABLE} when it is set, else the newest {@code /usr/lib/postgresql/<version>/bin}
 * (Debian's layout). As root they run as the {@code postgres} OS user, which must then exist, through
 * {@code runuser}.
 */
final class PostgresBinaries {

    static final String BIN_VARIABLE = "CAMPAIGN_TEST_POSTGRES_BIN";
    static final String OS_USER = "postgres";
    private static final Path DEBIAN = Paths.get("/usr/lib/postgresql");
    private static final Path RUNUSER = Paths.get("/usr/sbin/runuser");

    private final Path bin;
    private final boolean asPostgresUser;

    private PostgresBinaries(Path bin, boolean asPostgresUser) {
        this.bin = bin;
        this.asPostgresUser = asPostgresUser;
    }

    /** The programs, when they are there and can be run by this user. */
    static Optional<PostgresBinaries> find() {
        boolean root = isRoot();
        return find(System.getenv(BIN_VARIABLE), root, root && Files.isExecutable(RUNUSER) && osUserExists());
    }

    /** {@code runAsPostgres}: whether {@code runuser} and the {@code postgres} OS user are there, which root needs. */
    static Optional<PostgresBinaries> find(String configured, boolean root, boolean runAsPostgres) {
        if (root && !runAsPostgres) {
            return Optional.empty();
        }
        Optional<Path> bin = configured != null && !configured.isBlank() ? Optional.of(Paths.get(configured))
                .filter(PostgresBinaries::complete) : newestUnder(DEBIAN);
        return bin.map(found -> new PostgresBinaries(found, root));
    }

    /** Why {@link #find()} found nothing, and how to make it find something. */
    static String missing() {
        return "no PostgreSQL server programs (initdb, pg_ctl) in " + DEBIAN + "/<version>/bin or in "
                + BIN_VARIABLE + (isRoot() ? ", or, as root, no " + RUNUSER + " and OS user " + OS_USER : "")
                + "; to run it, install PostgreSQL's server package (Debian: postgresql) or set " + BIN_VARIABLE
                + " to the directory that holds initdb and pg_ctl";
    }

    boolean asPostgresUser() {
        return asPostgresUser;
    }

    /** The command line that runs {@code program}, as the {@code postgres} OS user when this JVM is root. */
    List<String> command(String program) {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of(RUNUSER.toString(), "-u", OS_USER, "--"));
        }
        command.add(bin.resolve(program).toString());
        return command;
    }

    private static Optional<Path> newestUnder(Path versions) {
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(versions)) {
            return dirs.filter(dir -> dir.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                    .max(Comparator.comparingDouble(dir -> Double.parseDouble(dir.getFileName().toString())))
                    .map(dir -> dir.resolve("bin")).filter(PostgresBinaries::complete);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean complete(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean osUserExists() {
        try {
            Paths.get("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
