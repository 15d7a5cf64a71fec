package org.campaignengine.domain.numbers;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.campaignengine.domain.campaign.CampaignId;
import org.campaignengine.domain.numbers.NumberPoolCommand.ReleasePhoneNumbers;
import org.campaignengine.domain.numbers.NumberPoolCommand.ReservePhoneNumbers;
import org.campaignengine.domain.numbers.NumberPoolEvent.NumbersReleased;
import org.campaignengine.domain.numbers.NumberPoolEvent.NumbersReserved;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** the lifecycle rules' phone numbers: at most 49 numbers at once per 10DLC use case, across campaigns. */
class PhoneNumberPoolTest {

    private static final String USE_CASE = "use-case-1";
    private AggregateTestFixture<PhoneNumberPool> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PhoneNumberPool.class);
        fixture.registerInjectableResource(new NumberPoolRules(49));
    }

    @Test
    void reservation_up_to_49_numbers_is_granted() {
        fixture.givenNoPriorActivity()
                .when(new ReservePhoneNumbers(USE_CASE, CampaignId.of("campaign-1"), 49))
                .expectEvents(new NumbersReserved(USE_CASE, "campaign-1", 49, 49))
                .expectResultMessagePayload(new Reservation(true, 49, null));
    }

    @Test
    void reservation_beyond_49_numbers_across_campaigns_is_refused() {
        fixture.given(new NumbersReserved(USE_CASE, "campaign-1", 40, 40))
                .when(new ReservePhoneNumbers(USE_CASE, CampaignId.of("campaign-2"), 10))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(org.campaignengine.domain.campaign.RuleMatchers.matching("refused, naming the limit",
                                Reservation.class, r -> !r.granted() && r.held() == 40 && r.refusal().contains("49")));
    }

    @Test
    void reservation_that_fills_the_pool_exactly_is_granted() {
        fixture.given(new NumbersReserved(USE_CASE, "campaign-1", 40, 40))
                .when(new ReservePhoneNumbers(USE_CASE, CampaignId.of("campaign-2"), 9))
                .expectEvents(new NumbersReserved(USE_CASE, "campaign-2", 9, 49));
    }

    @Test
    void reservation_asked_again_for_the_same_campaign_is_not_doubled() {
        fixture.given(new NumbersReserved(USE_CASE, "campaign-1", 2, 2))
                .when(new ReservePhoneNumbers(USE_CASE, CampaignId.of("campaign-1"), 2))
                .expectNoEvents()
                .expectResultMessagePayload(new Reservation(true, 2, null));
    }

    @Test
    void release_returns_the_campaigns_numbers_to_the_pool() {
        fixture.given(new NumbersReserved(USE_CASE, "campaign-1", 40, 40),
                        new NumbersReserved(USE_CASE, "campaign-2", 5, 45))
                .when(new ReleasePhoneNumbers(USE_CASE, CampaignId.of("campaign-1")))
                .expectEvents(new NumbersReleased(USE_CASE, "campaign-1", 40, 5))
                .expectResultMessagePayload(5);
    }

    @Test
    void released_capacity_can_be_reserved_again() {
        fixture.given(new NumbersReserved(USE_CASE, "campaign-1", 40, 40),
                        new NumbersReleased(USE_CASE, "campaign-1", 40, 0))
                .when(new ReservePhoneNumbers(USE_CASE, CampaignId.of("campaign-2"), 49))
                .expectEvents(new NumbersReserved(USE_CASE, "campaign-2", 49, 49));
    }

    @Test
    void release_of_a_campaign_holding_nothing_changes_nothing() {
        fixture.given(new NumbersReserved(USE_CASE, "campaign-1", 3, 3))
                .when(new ReleasePhoneNumbers(USE_CASE, CampaignId.of("campaign-9")))
                .expectNoEvents();
    }
}
