package org.campaignengine.domain.numbers;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.campaignengine.domain.numbers.NumberPoolCommand.ReleasePhoneNumbers;
import org.campaignengine.domain.numbers.NumberPoolCommand.ReservePhoneNumbers;
import org.campaignengine.domain.numbers.NumberPoolEvent.NumbersReleased;
import org.campaignengine.domain.numbers.NumberPoolEvent.NumbersReserved;

/**
 * The numbers one 10DLC use case holds, across all its campaigns. Being one aggregate, its
 * reservations are serialised: two launches racing for the last numbers cannot both win, on one
 * node (aggregate lock) or several (the event store's unique sequence per aggregate).
 */
@Aggregate
public class PhoneNumberPool {

    @AggregateIdentifier
    private String useCaseId;
    private final Map<String, Integer> heldByCampaign = new HashMap<>();
    private int held;

    protected PhoneNumberPool() {
    }

    /** A campaign that already holds a reservation gets it again: launches are redelivered, never doubled. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Reservation handle(ReservePhoneNumbers cmd, NumberPoolRules rules) {
        if (heldByCampaign.containsKey(cmd.campaignId().value())) {
            return Reservation.granted(held);
        }
        if (held + cmd.count() > rules.maxPerUseCase()) {
            return Reservation.refused(held, "10DLC use case " + cmd.useCaseId() + " holds " + held
                    + " phone numbers; " + cmd.count() + " more would pass its limit of " + rules.maxPerUseCase()
                    + " (archive campaigns to release their numbers)");
        }
        apply(new NumbersReserved(cmd.useCaseId(), cmd.campaignId().value(), cmd.count(), held + cmd.count()));
        return Reservation.granted(held);
    }

    @CommandHandler
    int handle(ReleasePhoneNumbers cmd) {
        Integer count = heldByCampaign.get(cmd.campaignId().value());
        if (count != null) {
            apply(new NumbersReleased(cmd.useCaseId(), cmd.campaignId().value(), count, held - count));
        }
        return held;
    }

    @EventSourcingHandler
    void on(NumbersReserved e) {
        useCaseId = e.useCaseId();
        heldByCampaign.put(e.campaignId(), e.count());
        held = e.heldAfter();
    }

    @EventSourcingHandler
    void on(NumbersReleased e) {
        heldByCampaign.remove(e.campaignId());
        held = e.heldAfter();
    }
}
