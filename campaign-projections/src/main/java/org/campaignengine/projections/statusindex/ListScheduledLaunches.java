package org.campaignengine.projections.statusindex;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * The scheduled calendar from {@code from} to {@code to}, both included, as dates in {@code zone}.
 * {@code visibleOffices} is the caller's office scope: null sees every office.
 */
public record ListScheduledLaunches(LocalDate from, LocalDate to, ZoneId zone, Set<String> visibleOffices) {
}
