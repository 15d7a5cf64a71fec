package org.campaignengine.projections.statusindex;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.CampaignStatus;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.domain.campaign.PhoneNumber;
import org.springframework.jdbc.core.RowMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a {@code campaign_index} row (by column name, so a page may select more columns than these). */
final class CampaignRowMapper implements RowMapper<CampaignRow> {

    /** The stored figures; the derived ones (click-through rate, dials remaining) follow from them. */
    static final String FIGURES = "contacts_total, contacts_messaged, contacts_dialed, messages_delivered, "
            + "links_clicked, cost_micros, callers_logged_in";

    static final TypeReference<List<PhoneNumber>> NUMBERS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    CampaignRowMapper(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public CampaignRow mapRow(ResultSet rs, int n) throws SQLException {
        try {
            return new CampaignRow(
                    rs.getString("id"),
                    Channel.valueOf(rs.getString("channel")),
                    CampaignStatus.valueOf(rs.getString("status")),
                    json.readValue(rs.getString("settings"), CampaignSettings.class),
                    json.readValue(rs.getString("phone_numbers"), NUMBERS),
                    instant(rs, "created_at"),
                    instant(rs, "updated_at"),
                    instant(rs, "launched_at"),
                    instant(rs, "launch_at"),
                    rs.getString("status_reason"),
                    rs.getString("archive_reason"),
                    rs.getString("suspended_reason"),
                    rs.getString("error_code"),
                    rs.getString("error_message"),
                    instant(rs, "auto_archive_at"),
                    rs.getBoolean("auto_archive_warned"),
                    figures(rs),
                    rs.getString("cloned_from"),
                    rs.getLong("version"));
        } catch (JsonProcessingException e) {
            throw new SQLException("campaign_index row " + rs.getString("id") + " holds unreadable JSON", e);
        }
    }

    static Figures figures(ResultSet rs) throws SQLException {
        return new Figures(rs.getInt("contacts_total"), rs.getLong("contacts_messaged"), rs.getLong("contacts_dialed"),
                rs.getLong("messages_delivered"), rs.getLong("links_clicked"), rs.getLong("cost_micros"),
                rs.getInt("callers_logged_in"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
