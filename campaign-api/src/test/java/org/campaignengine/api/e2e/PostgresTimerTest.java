package org.campaignengine.api.e2e;

import org.junit.jupiter.api.extension.ExtendWith;

/** Timers on PostgreSQL, where several engine nodes share one database. Skipped without a server. */
@ExtendWith(PostgresDatabase.class)
class PostgresTimerTest extends TimerScenarios {

    @Override
    EngineNodes nodes() {
        return new EngineNodes(PostgresDatabase.createFresh(), "postgres");
    }
}
