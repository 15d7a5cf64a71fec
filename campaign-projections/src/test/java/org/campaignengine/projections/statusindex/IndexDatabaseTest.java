package org.campaignengine.projections.statusindex;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

/** A status index on a database of its own per test class, emptied before each test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IndexDatabaseTest {

    IndexDatabase database;
    StatusIndexHarness index;
    private String unavailable;

    /**
     * A fresh, migrated database for this class; it is closed (and dropped) after the class. A JUnit
     * assumption failing here skips every test of the class, each reported as skipped with its message.
     */
    abstract IndexDatabase openDatabase() throws Exception;

    @BeforeAll
    void openIndex() throws Exception {
        try {
            database = openDatabase();
        } catch (TestAbortedException e) {
            // Skipping in @BeforeAll leaves Surefire reporting no tests at all; skip each test instead.
            unavailable = e.getMessage();
            return;
        }
        index = new StatusIndexHarness(database.projection());
    }

    @AfterAll
    void closeIndex() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void emptyIndex() {
        assumeTrue(unavailable == null, () -> unavailable);
        database.jdbc().update("DELETE FROM campaign_index");
    }
}
