package org.campaignengine.projections.statusindex;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.CampaignStatus;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.domain.campaign.PhoneNumber;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The {@code campaign_index} table. Every update names the event's sequence number, so a redelivered event is a no-op. */
public class CampaignIndexRepository {

    private static final TypeReference<List<PhoneNumber>> NUMBERS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public CampaignIndexRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The columns that follow from a campaign's settings, in the order of {@link #settingsValues}. */
    private static final String SETTINGS_COLUMNS = "settings = ?, name = ?, office = ?, tags = ?, start_at = ?, "
            + "end_at = ?, contact_list_name = ?, operated_by = ?";

    void insert(String id, Channel channel, CampaignSettings settings, String clonedFrom, Instant at, long version) {
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM campaign_index WHERE id = ?", Integer.class, id);
        if (existing != null && existing > 0) {
            return;
        }
        List<Object> values = new ArrayList<>(List.of(id, channel.name(), CampaignStatus.DRAFT.name(), write(List.of())));
        values.addAll(Arrays.asList(time(at), time(at), clonedFrom, version));
        values.addAll(settingsValues(settings));
        jdbc.update("INSERT INTO campaign_index (id, channel, status, phone_numbers, created_at, updated_at, "
                + "cloned_from, version, settings, name, office, tags, start_at, end_at, contact_list_name, "
                + "operated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values.toArray());
    }

    /** Writes the settings and what follows from them, plus {@code more} assignments if any. */
    void updateSettings(String id, long version, Instant at, CampaignSettings settings, String more,
                        Object... moreValues) {
        List<Object> values = settingsValues(settings);
        values.addAll(Arrays.asList(moreValues));
        update(id, version, at, more.isEmpty() ? SETTINGS_COLUMNS : SETTINGS_COLUMNS + ", " + more, values.toArray());
    }

    private List<Object> settingsValues(CampaignSettings s) {
        return new ArrayList<>(Arrays.asList(write(s), s.name(), s.office(), tagColumn(s.tags()), time(s.startAt()),
                time(s.endAt()), s.contactList() == null ? null : s.contactList().name(),
                s.operatedBy() == null ? null : s.operatedBy().name()));
    }

    /** {@code |a|b|}: one LIKE on {@code %|tag|%} finds an exact tag. */
    static String tagColumn(List<String> tags) {
        return "|" + (tags == null ? "" : tags.stream().map(t -> t + "|").reduce("", String::concat));
    }

    /**
     * Sets the given columns (an SQL assignment list with placeholders) if the row has not yet seen
     * this event, and stamps it with the event's time and sequence number.
     */
    /**
     * As {@link #update}, for what happens outside the campaign's own stream (activity): the row's
     * version moves only to a higher {@code version}, and -1 leaves it as it is.
     */
    void touch(String id, long version, Instant at, String assignments, Object... values) {
        List<Object> args = new ArrayList<>(Arrays.asList(values));
        args.add(time(at));
        args.add(version);
        args.add(version);
        args.add(id);
        String more = assignments.isEmpty() ? "" : assignments + ", ";
        jdbc.update("UPDATE campaign_index SET " + more + "updated_at = ?, "
                + "version = CASE WHEN version < ? THEN ? ELSE version END WHERE id = ?", args.toArray());
    }

    void update(String id, long version, Instant at, String assignments, Object... values) {
        List<Object> args = new ArrayList<>(Arrays.asList(values));
        args.add(time(at));
        args.add(version);
        args.add(id);
        args.add(version);
        jdbc.update("UPDATE campaign_index SET " + assignments + ", updated_at = ?, version = ? "
                + "WHERE id = ? AND version < ?", args.toArray());
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    public Optional<CampaignRow> find(String id) {
        return jdbc.query("SELECT * FROM campaign_index WHERE id = ?", this::row, id).stream().findFirst();
    }

    void deleteAll() {
        jdbc.update("DELETE FROM campaign_index");
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    CampaignRow row(ResultSet rs, int n) throws SQLException {
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
                    rs.getString("cloned_from"),
                    rs.getLong("version"));
        } catch (JsonProcessingException e) {
            throw new SQLException("campaign_index row " + rs.getString("id") + " holds unreadable JSON", e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
