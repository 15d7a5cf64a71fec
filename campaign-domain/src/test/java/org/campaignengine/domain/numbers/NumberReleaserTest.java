package org.campaignengine.domain.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.test.utils.RecordingCommandBus;
import org.campaignengine.domain.campaign.ArchiveReason;
import org.campaignengine.domain.campaign.CampaignEvent.Archived;
import org.campaignengine.domain.campaign.CampaignId;
import org.campaignengine.domain.campaign.PhoneNumber;
import org.campaignengine.domain.campaign.PhoneNumberMode;
import org.campaignengine.domain.numbers.NumberPoolCommand.ReleasePhoneNumbers;
import org.junit.jupiter.api.Test;

class NumberReleaserTest {

    private final RecordingCommandBus bus = new RecordingCommandBus();
    private final SimulatedCarrier carrier = new SimulatedCarrier(List.of());
    private final NumberReleaser releaser =
            new NumberReleaser(DefaultCommandGateway.builder().commandBus(bus).build(), carrier);

    @Test
    void archive_gives_single_use_numbers_back_to_the_carrier_and_the_pool() throws Exception {
        String number = carrier.buy("617", "launch-1:617");
        releaser.on(new Archived("campaign-1", ArchiveReason.MANUAL,
                List.of(new PhoneNumber(number, "617", PhoneNumberMode.SINGLE_USE)), null));
        assertThat(carrier.holds(number)).isFalse();
        assertThat(bus.getDispatchedCommands()).map(m -> (Object) m.getPayload())
                .containsExactly(new ReleasePhoneNumbers(NumberPoolRules.DEFAULT_USE_CASE, CampaignId.of("campaign-1")));
    }

    @Test
    void archive_with_nothing_released_sends_nothing() {
        releaser.on(new Archived("campaign-1", ArchiveReason.MANUAL, List.of(), "use-case-1"));
        assertThat(bus.getDispatchedCommands()).isEmpty();
    }
}
