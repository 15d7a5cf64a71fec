package org.campaignengine.domain.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A contact of a campaign, as the sending services name it. In JSON it is the plain string. The API
 * refuses blank ids; reading stored events accepts whatever was stored, so history always replays.
 */
public record ContactId(String value) {

    @JsonCreator
    public ContactId {
        if (value == null) {
            throw new IllegalArgumentException("a contact id is a string");
        }
    }

    public static ContactId of(String value) {
        return new ContactId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
