package org.campaignengine.projections.statusindex;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** A status index on a database of its own per test class, emptied before each test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IndexDatabaseTest {

    IndexDatabase database;
    StatusIndexHarness index;

    /** A fresh, migrated database for this class; it is closed (and dropped) after the class. */
    abstract IndexDatabase openDatabase() throws Exception;

    @BeforeAll
    void openIndex() throws Exception {
        database = openDatabase();
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
        database.jdbc().update("DELETE FROM campaign_index");
    }
}
