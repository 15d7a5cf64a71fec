package org.campaignengine.projections.statusindex;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.campaignengine.domain.campaign.TimeRules;
import org.campaignengine.projections.ProjectionDatabase;
import org.campaignengine.projections.ProjectionHarness;
import org.campaignengine.projections.tables.ParkedIndexes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * A status index on a database of its own per test class, built as the application builds it: events go
 * through the shared {@link ProjectionHarness} (activity outside the campaign's stream, as the engine
 * publishes it), queries to {@link StatusIndexQueries}. Each test starts from the index's own reset, which
 * empties every table it keeps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StatusIndexTest {

    ProjectionDatabase database;
    CampaignIndexRepository repository;
    ProjectionHarness<CampaignIndexProjection> index;
    ProjectionHarness<StatusIndexQueries> queries;
    ParkedIndexes parking;

    /** A fresh, migrated database for this class; it is closed (and dropped) after the class. */
    abstract ProjectionDatabase openDatabase();

    @BeforeAll
    void openIndex() {
        database = openDatabase();
        repository = new CampaignIndexRepository(database.jdbc(), ProjectionDatabase.objectMapper());
        parking = new ParkedIndexes(database.jdbc());
        index = new ProjectionHarness<>(new CampaignIndexProjection(repository, TimeRules.defaults(), parking));
        queries = new ProjectionHarness<>(new StatusIndexQueries(repository));
    }

    @AfterAll
    void closeIndex() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    /** A reset parks the sort indexes (PostgreSQL); building them again right away leaves the index as live. */
    @BeforeEach
    void emptyIndex() {
        index.reset();
        parking.restore(CampaignIndexProjection.READ_MODEL);
    }

    CampaignRow row(String id) {
        return repository.find(id).orElseThrow(() -> new AssertionError("no campaign_index row for " + id));
    }

    <R> R ask(Object query, Class<R> type) {
        return queries.ask(query, ResponseTypes.instanceOf(type));
    }

    long count(String table) {
        return database.jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
