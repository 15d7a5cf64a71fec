package org.campaignengine.projections.statusindex;

import org.campaignengine.projections.ProjectionDatabase;
import org.campaignengine.testsupport.PostgresTest;

/** {@link ScheduledCalendarContract} on PostgreSQL, in a database of its own that is dropped after the class. */
@PostgresTest
class ScheduledCalendarPostgresTest extends ScheduledCalendarContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.postgres();
    }
}
