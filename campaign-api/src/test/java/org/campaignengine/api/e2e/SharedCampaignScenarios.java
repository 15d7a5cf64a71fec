package org.campaignengine.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.campaignengine.api.e2e.EngineClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * Two engine nodes over one store, each keeping the campaigns it used in memory: a node never decides on a
 * campaign the other changed since, neither an answer that appends an event, nor a refusal, nor an answer that
 * appends nothing. Subclasses choose the store.
 */
abstract class SharedCampaignScenarios {

    abstract EngineNodes nodes();

    @Test
    void a_node_decides_on_the_campaign_as_the_other_node_left_it_not_as_it_last_saw_it() {
        try (EngineNodes nodes = nodes()) {
            EngineClient one = EngineNodes.client(nodes.start());
            EngineClient two = EngineNodes.client(nodes.start());

            Reply created = one.post("/api/v1/campaigns", Campaigns.readySms("Kept in memory"));
            assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
            String id = created.body().path("id").asText();
            String campaign = "/api/v1/campaigns/" + id;
            assertThat(one.patch(campaign, Map.of("tags", List.of("first"))).status())
                    .as("the first node has used it: a draft").isEqualTo(200);

            Reply scheduled = two.post(campaign + "/schedule", Map.of("launchAt", Instant.now().plusSeconds(3_600).toString()));
            assertThat(scheduled.status()).as(scheduled.body().toString()).isEqualTo(200);

            // a draft cannot be unscheduled: the first node, deciding on the draft it last saw, would refuse
            Reply unscheduled = one.post(campaign + "/unschedule");
            assertThat(unscheduled.status()).as(unscheduled.body().toString()).isEqualTo(200);
            assertThat(unscheduled.body().path("status").asText()).isEqualTo("DRAFT");
            assertThat(unscheduled.body().path("version").asLong()).isEqualTo(3);

            // and an answer that appends: the second node renames the draft the first node just changed
            Reply renamed = two.patch(campaign, Map.of("name", "Renamed on the second node"));
            assertThat(renamed.status()).as(renamed.body().toString()).isEqualTo(200);
            assertThat(renamed.body().path("version").asLong()).isEqualTo(4);
            Reply again = one.patch(campaign, Map.of("tags", List.of("second")));
            assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
            assertThat(again.body().path("version").asLong()).isEqualTo(5);

            // an answer that appends nothing on what the first node last saw: its tags are already "second"
            assertThat(two.patch(campaign, Map.of("tags", List.of("third"))).status()).isEqualTo(200);
            Reply back = one.patch(campaign, Map.of("tags", List.of("second")));
            assertThat(back.status()).as(back.body().toString()).isEqualTo(200);
            assertThat(back.body().path("version").asLong()).as("the edit appended on the stored campaign").isEqualTo(7);
            assertThat(one.get(campaign + "?minVersion=7").body().path("tags").path(0).asText()).isEqualTo("second");
        }
    }
}
