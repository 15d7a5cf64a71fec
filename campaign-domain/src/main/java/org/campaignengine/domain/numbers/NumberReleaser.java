package org.campaignengine.domain.numbers;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.campaignengine.domain.campaign.CampaignEvent.Archived;
import org.campaignengine.domain.campaign.CampaignId;
import org.campaignengine.domain.campaign.PhoneNumber;
import org.campaignengine.domain.numbers.NumberPoolCommand.ReleasePhoneNumbers;

/** Archiving gives single-use numbers back to the carrier and frees their place in the use case's pool. */
@ProcessingGroup("phone-numbers")
@DisallowReplay
public class NumberReleaser {

    private final CommandGateway commands;
    private final PhoneCarrier carrier;

    public NumberReleaser(CommandGateway commands, PhoneCarrier carrier) {
        this.commands = commands;
        this.carrier = carrier;
    }

    @EventHandler
    void on(Archived archived) {
        archived.releasedNumbers().stream().map(PhoneNumber::number).forEach(carrier::release);
        if (!archived.releasedNumbers().isEmpty()) {
            commands.sendAndWait(new ReleasePhoneNumbers(NumberPoolRules.useCaseOf(archived.useCaseId()),
                    CampaignId.of(archived.campaignId())));
        }
    }
}
