package org.campaignengine.domain.campaign;

import java.time.LocalTime;

import com.fasterxml.jackson.annotation.JsonFormat;

/** The daily window in which outbound activity may happen: {@code from} inclusive, {@code to} exclusive. */
public record OpenHours(@JsonFormat(pattern = "HH:mm") LocalTime from, @JsonFormat(pattern = "HH:mm") LocalTime to) {

    public boolean contains(LocalTime time) {
        return !time.isBefore(from) && time.isBefore(to);
    }
}
