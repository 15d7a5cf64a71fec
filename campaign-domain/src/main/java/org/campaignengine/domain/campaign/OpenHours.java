package org.campaignengine.domain.campaign;

import java.time.LocalTime;

/** The daily window in which outbound activity may happen: {@code from} inclusive, {@code to} exclusive. */
public record OpenHours(LocalTime from, LocalTime to) {

    public boolean contains(LocalTime time) {
        return !time.isBefore(from) && time.isBefore(to);
    }
}
