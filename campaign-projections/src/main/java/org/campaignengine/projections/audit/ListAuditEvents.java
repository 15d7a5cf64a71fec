package org.campaignengine.projections.audit;

import java.time.Instant;

/**
 * A page of the audit trail, newest first: events caused by {@code actor}, of {@code type} (an event's
 * simple name, e.g. {@code Archived}), at or after {@code from} and before {@code to}; any may be null.
 */
public record ListAuditEvents(String actor, String type, Instant from, Instant to, int page, int size) {
}
