package org.campaignengine.projections.statusindex;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.campaignengine.projections.tables.Chunks;

import org.axonframework.queryhandling.QueryHandler;
import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.PhoneNumber;
import org.campaignengine.domain.campaign.PhoneNumberMode;
import org.campaignengine.projections.tables.Columns;

/**
 * The scheduled calendar, read from the status index rather than a read model of its own: the index
 * already holds every SCHEDULED campaign with its launch time, office, contact list and numbers, filed on
 * the {@code scheduled} shelf, and its index (shelf, launch_at, row key) hands over a date range in launch order.
 * A second model would repeat those rows and their event handling for no query it could answer faster.
 */
public class ScheduledCalendarQueries {

    private final CampaignIndexRepository rows;

    public ScheduledCalendarQueries(CampaignIndexRepository rows) {
        this.rows = rows;
    }

    @QueryHandler
    ScheduledCalendar handle(ListScheduledLaunches query) {
        if (query.to().isBefore(query.from())
                || (query.visibleOffices() != null && query.visibleOffices().isEmpty())) {
            return new ScheduledCalendar(List.of());
        }
        Instant from = query.from().atStartOfDay(query.zone()).toInstant();
        Instant until = query.to().plusDays(1).atStartOfDay(query.zone()).toInstant();
        List<Object> values = new ArrayList<>(List.of(Shelf.SCHEDULED.code(), Columns.time(from),
                Columns.time(until)));
        String offices = "";
        if (query.visibleOffices() != null) {
            offices = " AND office IN (" + Chunks.placeholders(query.visibleOffices()) + ")";
            values.addAll(query.visibleOffices());
        }
        List<CampaignRow> scheduled = rows.jdbc().query("SELECT * FROM campaign_index WHERE shelf = ? "
                + "AND launch_at >= ? AND launch_at < ?" + offices + " ORDER BY launch_at, row_key", rows.mapper(),
                values.toArray());
        Map<LocalDate, List<ScheduledCalendar.Entry>> byDate = new LinkedHashMap<>();
        for (CampaignRow row : scheduled) {
            LocalDate date = row.launchAt().atZone(query.zone()).toLocalDate();
            byDate.computeIfAbsent(date, d -> new ArrayList<>()).add(entry(row));
        }
        return new ScheduledCalendar(byDate.entrySet().stream()
                .map(day -> new ScheduledCalendar.Day(day.getKey(), day.getValue().size(), day.getValue()))
                .toList());
    }

    private static ScheduledCalendar.Entry entry(CampaignRow row) {
        CampaignSettings s = row.settings();
        return new ScheduledCalendar.Entry(row.id(), s.name(), numbers(row), s.office(), s.contactList(),
                row.launchAt());
    }

    private static List<PhoneNumber> numbers(CampaignRow row) {
        CampaignSettings s = row.settings();
        if (!row.phoneNumbers().isEmpty()) {
            return row.phoneNumbers();
        }
        if (s.phoneNumberMode() == PhoneNumberMode.REUSABLE && s.reusableNumber() != null) {
            return List.of(new PhoneNumber(s.reusableNumber(), null, PhoneNumberMode.REUSABLE));
        }
        return List.of();
    }
}
