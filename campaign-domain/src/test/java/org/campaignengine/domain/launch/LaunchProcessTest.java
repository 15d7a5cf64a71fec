package org.campaignengine.domain.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.test.utils.RecordingCommandBus;
import org.campaignengine.domain.campaign.CampaignCommand.ConfirmLaunch;
import org.campaignengine.domain.campaign.CampaignCommand.FailLaunch;
import org.campaignengine.domain.campaign.CampaignCommand.RejectLaunch;
import org.campaignengine.domain.campaign.CampaignEvent.LaunchRequested;
import org.campaignengine.domain.campaign.CampaignFixtures;
import org.campaignengine.domain.campaign.CampaignId;
import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.domain.campaign.LaunchId;
import org.campaignengine.domain.campaign.PhoneNumber;
import org.campaignengine.domain.campaign.PhoneNumberMode;
import org.campaignengine.domain.numbers.NumberPoolCommand.ReleasePhoneNumbers;
import org.campaignengine.domain.numbers.NumberPoolCommand.ReservePhoneNumbers;
import org.campaignengine.domain.numbers.NumberPoolRules;
import org.campaignengine.domain.numbers.PhoneCarrier;
import org.campaignengine.domain.numbers.PhoneNumberPool;
import org.campaignengine.domain.numbers.Reservation;
import org.campaignengine.domain.numbers.SimulatedCarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * the lifecycle rules' phone numbers from the launch process's side: the commands it sends for a requested launch.
 * The pool answers as {@link PhoneNumberPool} would; its own rules are tested there.
 */
class LaunchProcessTest {

    private static final String ID = CampaignFixtures.ID;
    private static final String LAUNCH_ID = CampaignFixtures.LAUNCH_ID;
    private static final CampaignId CAMPAIGN = CampaignFixtures.CAMPAIGN;
    private static final LaunchId LAUNCH = CampaignFixtures.LAUNCH;

    private final RecordingCommandBus bus = new RecordingCommandBus();
    private final RecordingCarrier carrier = new RecordingCarrier(new SimulatedCarrier(List.of("999")));
    private final LaunchProcess process = new LaunchProcess(DefaultCommandGateway.builder().commandBus(bus).build(),
            carrier, new ContentPolicy(List.of("Casino", " ")));
    private Reservation reservation = new Reservation(true, 2, null);

    @BeforeEach
    void poolAnswers() {
        bus.setCallbackBehavior((payload, metaData) -> payload instanceof ReservePhoneNumbers ? reservation : null);
    }

    private static LaunchRequested launch(CampaignSettings settings) {
        return new LaunchRequested(ID, LAUNCH_ID, Channel.SMS, settings, null);
    }

    private List<Object> sent() {
        return bus.getDispatchedCommands().stream().map(m -> (Object) m.getPayload()).toList();
    }

    @Test
    void content_with_a_denied_term_rejects_the_launch_naming_the_term() {
        process.on(launch(CampaignFixtures.smsSettings().toBuilder()
                .initialMessage("Win big at the CASINO tonight").build()));
        assertThat(sent()).singleElement().isInstanceOfSatisfying(RejectLaunch.class, reject -> {
            assertThat(reject.launchId()).isEqualTo(LAUNCH);
            assertThat(reject.reason()).contains("\"casino\"");
        });
        assertThat(carrier.bought).isEmpty();
    }

    @Test
    void content_check_reads_the_voice_script_too() {
        process.on(new LaunchRequested(ID, LAUNCH_ID, Channel.VOICE, CampaignFixtures.voiceSettings().toBuilder()
                .script("Mention the casino night").build(), null));
        assertThat(sent()).singleElement().isInstanceOf(RejectLaunch.class);
    }

    @Test
    void launch_buys_one_number_per_area_code_and_confirms_with_them() {
        process.on(launch(CampaignFixtures.smsSettings()));
        assertThat(sent()).hasSize(2);
        assertThat(sent().get(0)).isEqualTo(new ReservePhoneNumbers(CampaignFixtures.USE_CASE, CAMPAIGN, 2));
        assertThat(sent().get(1)).isInstanceOfSatisfying(ConfirmLaunch.class, confirm -> {
            assertThat(confirm.launchId()).isEqualTo(LAUNCH);
            assertThat(confirm.phoneNumbers()).extracting(PhoneNumber::areaCode).containsExactly("617", "857");
            assertThat(confirm.phoneNumbers()).allMatch(PhoneNumber::singleUse);
        });
        assertThat(carrier.bought).hasSize(2);
    }

    @Test
    void launch_with_a_reusable_number_attaches_it_without_buying() {
        process.on(launch(CampaignFixtures.smsSettings().toBuilder().areaCodes(List.of())
                .phoneNumberMode(PhoneNumberMode.REUSABLE).reusableNumber("+16175550123").build()));
        assertThat(sent()).containsExactly(new ConfirmLaunch(CAMPAIGN, LAUNCH,
                List.of(new PhoneNumber("+16175550123", null, PhoneNumberMode.REUSABLE))));
        assertThat(carrier.bought).isEmpty();
    }

    @Test
    void carrier_failure_releases_what_was_bought_and_fails_the_launch() {
        process.on(launch(CampaignFixtures.smsSettings().toBuilder().areaCodes(List.of("617", "999")).build()));
        assertThat(sent()).hasSize(3);
        assertThat(sent().get(1)).isEqualTo(new ReleasePhoneNumbers(CampaignFixtures.USE_CASE, CAMPAIGN));
        assertThat(sent().get(2)).isInstanceOfSatisfying(FailLaunch.class,
                fail -> assertThat(fail.reason()).contains("999"));
        assertThat(carrier.bought).hasSize(1);
        assertThat(carrier.released).containsExactlyElementsOf(carrier.bought);
    }

    @Test
    void pool_limit_fails_the_launch_with_the_pools_reason_and_buys_nothing() {
        reservation = new Reservation(false, 48, "10DLC use case use-case-1 holds 48 phone numbers; 2 more would "
                + "pass its limit of 49");
        process.on(launch(CampaignFixtures.smsSettings()));
        assertThat(sent()).hasSize(2);
        assertThat(sent().get(1)).isEqualTo(new FailLaunch(CAMPAIGN, LAUNCH, reservation.refusal()));
        assertThat(carrier.bought).isEmpty();
    }

    @Test
    void campaign_without_a_use_case_counts_against_the_default_pool() {
        process.on(launch(CampaignFixtures.smsSettings().toBuilder().useCaseId(null).build()));
        assertThat(sent().get(0)).isEqualTo(new ReservePhoneNumbers(NumberPoolRules.DEFAULT_USE_CASE, CAMPAIGN, 2));
    }

    /** Remembers what was bought and released, and buys through the simulated carrier. */
    private static final class RecordingCarrier implements PhoneCarrier {
        private final PhoneCarrier delegate;
        final List<String> bought = new ArrayList<>();
        final List<String> released = new ArrayList<>();

        RecordingCarrier(PhoneCarrier delegate) {
            this.delegate = delegate;
        }

        @Override
        public String buy(String areaCode, String purchaseKey) throws NumberUnavailable {
            String number = delegate.buy(areaCode, purchaseKey);
            bought.add(number);
            return number;
        }

        @Override
        public void release(String number) {
            released.add(number);
            delegate.release(number);
        }
    }
}
