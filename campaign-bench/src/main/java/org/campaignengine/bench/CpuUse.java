package org.campaignengine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * CPU time used so far by a service's JVM and by the database's server processes, as the operating system
 * counts it: the same work costs the same CPU however busy the machine is, where a rate on two shared cores
 * moves with everything else that runs. The database's share is read from Linux's {@code /proc} (every process
 * named {@code postgres}: the bench's database is on this machine); elsewhere it is unknown (negative).
 */
record CpuUse(long serviceNanos, long databaseNanos, long compilerNanos) {

    /** Linux counts process CPU in clock ticks of 1/100 s (USER_HZ) on every architecture it runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final Path PROC = Path.of("/proc");

    static CpuUse now(long servicePid) {
        long service = ProcessHandle.of(servicePid).flatMap(handle -> handle.info().totalCpuDuration())
                .map(Duration::toNanos).orElse(-1L);
        return new CpuUse(service, database(), compiler(servicePid));
    }

    CpuUse since(CpuUse earlier) {
        return new CpuUse(difference(serviceNanos, earlier.serviceNanos), difference(databaseNanos, earlier.databaseNanos),
                difference(compilerNanos, earlier.compilerNanos));
    }

    /** The CPU of two separate spans together; unknown (negative) if either's is. */
    CpuUse plus(CpuUse other) {
        return new CpuUse(sum(serviceNanos, other.serviceNanos), sum(databaseNanos, other.databaseNanos),
                sum(compilerNanos, other.compilerNanos));
    }

    /** The share of the service's CPU its JIT compilers took (part of the service's), or NaN where unknown. */
    double compilerShare() {
        return compilerNanos < 0 || serviceNanos <= 0 ? Double.NaN : (double) compilerNanos / serviceNanos;
    }

    /**
     * CPU used so far by the JIT compiler threads of JVM {@code pid} (HotSpot's {@code C1 CompilerThread}s and
     * {@code C2 CompilerThread}s, named so in Linux's {@code /proc}), or -1 where unknown.
     */
    static long compiler(long pid) {
        Path tasks = PROC.resolve(Long.toString(pid)).resolve("task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.mapToLong(thread -> ticks(thread, name -> name.startsWith("C1 Compiler")
                    || name.startsWith("C2 Compiler"))).sum() * NANOS_PER_TICK;
        } catch (IOException gone) {
            return -1;
        }
    }

    /** The service's JVM's milliseconds a command of {@code commands}, or NaN where unknown. */
    double serviceMillisPer(long commands) {
        return serviceNanos < 0 || commands == 0 ? Double.NaN : serviceNanos / 1e6 / commands;
    }

    /** The database's milliseconds a command of {@code commands}, or NaN where unknown. */
    double databaseMillisPer(long commands) {
        return databaseNanos < 0 || commands == 0 ? Double.NaN : databaseNanos / 1e6 / commands;
    }

    private static long sum(long one, long other) {
        return one < 0 || other < 0 ? -1 : one + other;
    }

    private static long difference(long now, long earlier) {
        return now < 0 || earlier < 0 ? -1 : now - earlier;
    }

    private static long database() {
        if (!Files.isDirectory(PROC.resolve("self"))) {
            return -1;
        }
        try (Stream<Path> processes = Files.list(PROC)) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(process -> ticks(process, "postgres"::equals)).sum() * NANOS_PER_TICK;
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * utime + stime of a process or thread whose name {@code named} accepts (fields 14 and 15 of its stat, after
     * its name); else 0.
     */
    private static long ticks(Path process, java.util.function.Predicate<String> named) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int nameEnd = stat.lastIndexOf(')');
            if (!named.test(stat.substring(stat.indexOf('(') + 1, nameEnd))) {
                return 0;
            }
            String[] fields = stat.substring(nameEnd + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
