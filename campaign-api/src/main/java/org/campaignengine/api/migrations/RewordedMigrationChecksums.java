package org.campaignengine.api.migrations;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Lets a database migrated before the first-line comments of V6, V8, V9, V10 and V11 were reworded start
 * again. Those comments named documents that were never part of the repository; they now point at
 * {@code docs/lifecycle.md} and {@code docs/api.md}. Only the comments changed, not a statement, but Flyway's
 * checksum covers every line, so a database that applied the former text records other checksums and
 * Flyway would refuse to start.
 *
 * <p>Before validating, this moves exactly the checksums the former text recorded to the reworded text's
 * checksums, on H2 and PostgreSQL alike (a comment's checksum does not depend on the database). Any other
 * mismatch still fails validation.
 */
@Component
class RewordedMigrationChecksums extends MovedChecksums {

    static final List<Move> REWORDED = List.of(
            new Move("6", 794804696, -994609841),
            new Move("8", -302764509, 471554846),
            new Move("9", 924502737, -441105741),
            new Move("10", 260248856, 1501182153),
            new Move("11", 337051880, 624375423));

    RewordedMigrationChecksums() {
        super(REWORDED, "its former comment");
    }
}
