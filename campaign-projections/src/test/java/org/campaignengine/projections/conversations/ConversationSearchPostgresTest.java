package org.campaignengine.projections.conversations;

import org.campaignengine.projections.ProjectionDatabase;
import org.campaignengine.testsupport.PostgresTest;

/** Conversation search, tags, pages and replay on PostgreSQL, in a database of its own dropped after the class. */
@PostgresTest
class ConversationSearchPostgresTest extends ConversationSearchContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.postgres();
    }
}
