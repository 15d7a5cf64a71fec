package org.campaignengine.domain.campaign;

/** A number attached to a campaign; {@code areaCode} is the region it was bought for (null when reusable). */
public record PhoneNumber(String number, String areaCode, PhoneNumberMode mode) {

    public boolean singleUse() {
        return mode == PhoneNumberMode.SINGLE_USE;
    }
}
