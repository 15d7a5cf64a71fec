package org.campaignengine.domain.numbers;

/**
 * The port to whoever sells phone numbers. Buying is idempotent by {@code purchaseKey}: asking again
 * with the same key returns the same number, so a re-delivered launch never buys twice.
 */
public interface PhoneCarrier {

    String buy(String areaCode, String purchaseKey) throws NumberUnavailable;

    void release(String number);

    final class NumberUnavailable extends Exception {
        public NumberUnavailable(String message) {
            super(message);
        }
    }
}
