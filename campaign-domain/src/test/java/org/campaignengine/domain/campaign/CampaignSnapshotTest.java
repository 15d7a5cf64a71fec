package org.campaignengine.domain.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.domain.campaign.CampaignFixtures.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.campaignengine.domain.campaign.CampaignCommand.AssessActivity;
import org.campaignengine.domain.campaign.CampaignCommand.PauseCampaign;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** A campaign's snapshot is its decision state as JSON: it reads back the same, and activity does not grow it. */
class CampaignSnapshotTest {

    /** As the engine's Axon serializer is configured (defaultAxonObjectMapper). */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void a_snapshot_reads_back_as_the_same_campaign() throws Exception {
        String snapshot = JSON.writeValueAsString(campaignAfter(new PauseCampaign(CAMPAIGN)));
        assertThat(snapshot).contains("\"PAUSED\"", "+16175550101", ID, LAUNCH_ID);
        Campaign read = JSON.readValue(snapshot, Campaign.class);
        assertThat(JSON.writeValueAsString(read)).isEqualTo(snapshot);
    }

    @Test
    void a_snapshot_does_not_grow_with_activity() throws Exception {
        List<ActivityRecord> batch = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            batch.add(activity("r-" + i, ActivityType.MESSAGE_SENT, NOW));
        }
        String before = JSON.writeValueAsString(campaignAfter(new AssessActivity(CAMPAIGN, List.of())));
        String after = JSON.writeValueAsString(campaignAfter(new AssessActivity(CAMPAIGN, batch)));
        assertThat(after).isEqualTo(before);
    }

    private static Campaign campaignAfter(CampaignCommand command) {
        AggregateTestFixture<Campaign> fixture = campaignFixture();
        AtomicReference<Campaign> campaign = new AtomicReference<>();
        givenCampaign(fixture, Channel.SMS, CampaignStatus.ACTIVE).when(command)
                .expectSuccessfulHandlerExecution()
                .expectState(campaign::set);
        return campaign.get();
    }
}
