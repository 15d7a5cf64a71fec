package org.campaignengine.projections.conversations;

import org.campaignengine.projections.ProjectionDatabase;
import org.campaignengine.testsupport.PostgresTest;

/** Conversation sections on PostgreSQL, in a database of its own that is dropped after the class. */
@PostgresTest
class ConversationSectionsPostgresTest extends ConversationSectionsContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.postgres();
    }
}
