package org.campaignengine.domain.numbers;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The built-in carrier: it hands out made-up numbers in the asked area code and refuses the area
 * codes it is told are unavailable, so every launch path can be exercised without a real carrier.
 */
public class SimulatedCarrier implements PhoneCarrier {

    private final Set<String> unavailableAreaCodes;
    private final Map<String, String> purchases = new ConcurrentHashMap<>();
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    public SimulatedCarrier(Collection<String> unavailableAreaCodes) {
        this.unavailableAreaCodes = Set.copyOf(unavailableAreaCodes);
    }

    @Override
    public String buy(String areaCode, String purchaseKey) throws NumberUnavailable {
        if (unavailableAreaCodes.contains(areaCode)) {
            throw new NumberUnavailable("no phone number is available in area code " + areaCode);
        }
        String number = purchases.computeIfAbsent(purchaseKey, key -> newNumber(areaCode));
        held.add(number);
        return number;
    }

    @Override
    public void release(String number) {
        held.remove(number);
    }

    public boolean holds(String number) {
        return held.contains(number);
    }

    private String newNumber(String areaCode) {
        return "+1" + areaCode + String.format("%07d", ThreadLocalRandom.current().nextInt(2_000_000, 10_000_000));
    }
}
