package org.campaignengine.domain.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.campaignengine.domain.campaign.CampaignCommand.ConfirmLaunch;
import org.campaignengine.domain.campaign.CampaignCommand.FailLaunch;
import org.campaignengine.domain.campaign.CampaignCommand.RejectLaunch;
import org.campaignengine.domain.campaign.CampaignEvent.LaunchRequested;
import org.campaignengine.domain.campaign.CampaignId;
import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.LaunchId;
import org.campaignengine.domain.campaign.PhoneNumber;
import org.campaignengine.domain.campaign.PhoneNumberMode;
import org.campaignengine.domain.numbers.NumberPoolCommand.ReleasePhoneNumbers;
import org.campaignengine.domain.numbers.NumberPoolCommand.ReservePhoneNumbers;
import org.campaignengine.domain.numbers.NumberPoolRules;
import org.campaignengine.domain.numbers.PhoneCarrier;
import org.campaignengine.domain.numbers.Reservation;

/**
 * Takes a requested launch to its outcome (the lifecycle rules' phone numbers): the content check, then the use case's
 * number limit, then one number per area code from the carrier, or the chosen reusable number.
 * Events arrive at least once: the pool and the carrier are idempotent per launch, and the campaign
 * ignores an outcome for a launch that is no longer current.
 */
@ProcessingGroup("launch-process")
@DisallowReplay
public class LaunchProcess {

    private final CommandGateway commands;
    private final PhoneCarrier carrier;
    private final ContentPolicy content;

    public LaunchProcess(CommandGateway commands, PhoneCarrier carrier, ContentPolicy content) {
        this.commands = commands;
        this.carrier = carrier;
        this.content = content;
    }

    @EventHandler
    void on(LaunchRequested launch) {
        CampaignId campaign = CampaignId.of(launch.campaignId());
        LaunchId launchId = LaunchId.of(launch.launchId());
        Optional<String> denied = content.deniedTermIn(launch.settings().messageTexts());
        if (denied.isPresent()) {
            commands.sendAndWait(new RejectLaunch(campaign, launchId,
                    "the content check refused the campaign: it contains the denied term \"" + denied.get() + "\""));
            return;
        }
        try {
            List<PhoneNumber> numbers = acquireNumbers(launch);
            commands.sendAndWait(new ConfirmLaunch(campaign, launchId, numbers));
        } catch (LaunchProblem problem) {
            commands.sendAndWait(new FailLaunch(campaign, launchId, problem.getMessage()));
        }
    }

    private List<PhoneNumber> acquireNumbers(LaunchRequested launch) throws LaunchProblem {
        CampaignSettings settings = launch.settings();
        if (settings.phoneNumberMode() == PhoneNumberMode.REUSABLE) {
            return List.of(new PhoneNumber(settings.reusableNumber(), null, PhoneNumberMode.REUSABLE));
        }
        String useCase = NumberPoolRules.useCaseOf(settings.useCaseId());
        Reservation reservation = commands.sendAndWait(
                new ReservePhoneNumbers(useCase, CampaignId.of(launch.campaignId()), settings.areaCodes().size()));
        if (!reservation.granted()) {
            throw new LaunchProblem(reservation.refusal());
        }
        List<PhoneNumber> bought = new ArrayList<>();
        try {
            for (String areaCode : settings.areaCodes()) {
                String number = carrier.buy(areaCode, launch.launchId() + ":" + areaCode);
                bought.add(new PhoneNumber(number, areaCode, PhoneNumberMode.SINGLE_USE));
            }
            return bought;
        } catch (PhoneCarrier.NumberUnavailable unavailable) {
            bought.forEach(n -> carrier.release(n.number()));
            commands.sendAndWait(new ReleasePhoneNumbers(useCase, CampaignId.of(launch.campaignId())));
            throw new LaunchProblem("phone numbers could not be bought: " + unavailable.getMessage());
        }
    }

    private static final class LaunchProblem extends Exception {
        LaunchProblem(String message) {
            super(message, null, false, false);
        }
    }
}
