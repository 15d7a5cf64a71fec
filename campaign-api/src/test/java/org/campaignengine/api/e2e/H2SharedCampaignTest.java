package org.campaignengine.api.e2e;

import java.util.UUID;

/** Two nodes on the embedded default store (one H2 file, shared by the nodes of this JVM). */
class H2SharedCampaignTest extends SharedCampaignScenarios {

    @Override
    EngineNodes nodes() {
        return new EngineNodes("jdbc:h2:file:./target/e2e-h2/" + UUID.randomUUID() + "/engine;DB_CLOSE_ON_EXIT=FALSE");
    }
}
