package org.campaignengine.api.readmodels.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.campaignengine.api.web.OfficeScope;
import org.campaignengine.domain.campaign.InvalidCampaignInput;
import org.campaignengine.domain.campaign.InvalidCampaignInput.FieldError;
import org.campaignengine.projections.statusindex.ListScheduledLaunches;
import org.campaignengine.projections.statusindex.ScheduledCalendar;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The scheduled calendar: per local date in {@code zone} (UTC unless named), the SCHEDULED campaigns of
 * the caller's offices launching that day. A literal path, so Spring prefers it to {@code /{id}}: it is
 * never read as a campaign id.
 */
@Tag(name = "read models")
@RestController
@RequestMapping("/api/v1/campaigns")
class CalendarController {

    /** A year, leap day included: enough for any calendar page, and a bound on what one request reads. */
    static final long MAX_DAYS = 366;
    /** Dates any store and time zone can turn into instants; a calendar has no use for others. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private final QueryGateway queries;
    private final OfficeScope scope;

    CalendarController(QueryGateway queries, OfficeScope scope) {
        this.queries = queries;
        this.scope = scope;
    }

    @Operation(summary = "Scheduled launches by day", description = "Per local date in `zone`, the SCHEDULED campaigns "
            + "of the caller's offices launching that day, by launch time; only dates with launches are listed. `from` "
            + "and `to` are both included, at most 366 days apart.")
    @ApiResponse(responseCode = "200", description = "The days with launches, in order.", useReturnTypeSchema = true)
    @GetMapping("/calendar")
    List<ScheduledCalendar.Day> calendar(
            @Parameter(description = "The first local date, YYYY-MM-DD (required).", example = "2026-12-01")
            @RequestParam(required = false) String from,
            @Parameter(description = "The last local date, YYYY-MM-DD, included (required).", example = "2026-12-31")
            @RequestParam(required = false) String to,
            @Parameter(description = "The time zone the dates are in; UTC when absent.", example = "Europe/Lisbon")
            @RequestParam(required = false) String zone) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate first = date("from", from, errors);
        LocalDate last = date("to", to, errors);
        ZoneId zoneId = zone(zone, errors);
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                errors.add(new FieldError("to", "must not be before from"));
            } else if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
                errors.add(new FieldError("to", "must be at most " + MAX_DAYS + " days from from, both included"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidCampaignInput(errors);
        }
        return queries.query(new ListScheduledLaunches(first, last, zoneId, scope.visibleOffices()),
                ResponseTypes.instanceOf(ScheduledCalendar.class)).join().days();
    }

    private static LocalDate date(String field, String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, "is required (a date, YYYY-MM-DD)"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.trim());
            if (!date.isBefore(EARLIEST) && !date.isAfter(LATEST)) {
                return date;
            }
        } catch (DateTimeException e) {
            // reported below, like a date out of range
        }
        errors.add(new FieldError(field, "must be a date, YYYY-MM-DD, from " + EARLIEST + " to " + LATEST));
        return null;
    }

    private static ZoneId zone(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            errors.add(new FieldError("zone", "must be a time zone such as Europe/Lisbon"));
            return ZoneOffset.UTC;
        }
    }
}
