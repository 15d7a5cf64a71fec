package org.campaignengine.projections.conversations;

import org.campaignengine.projections.ProjectionDatabase;

/** Conversation search, tags, pages and replay on H2. */
class ConversationSearchH2Test extends ConversationSearchContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.h2();
    }
}
