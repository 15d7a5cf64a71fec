package org.campaignengine.projections.statusindex;

import org.campaignengine.projections.ProjectionDatabase;

/** {@link ScheduledCalendarContract} on H2. */
class ScheduledCalendarH2Test extends ScheduledCalendarContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.h2();
    }
}
