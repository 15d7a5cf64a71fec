package org.campaignengine.projections.conversations;

import org.campaignengine.projections.ProjectionDatabase;

/** Conversation sections on H2. */
class ConversationSectionsH2Test extends ConversationSectionsContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.h2();
    }
}
