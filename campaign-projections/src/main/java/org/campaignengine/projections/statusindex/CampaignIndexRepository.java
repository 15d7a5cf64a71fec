package org.campaignengine.projections.statusindex;

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
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code campaign_index} table. Every update of a campaign's own events names the event's sequence
 * number, so a redelivered event is a no-op. The stored sort keys ({@link SortKeys}), the {@code tab}
 * and the derived figures are written here, beside the values they follow from.
 */
public class CampaignIndexRepository {

    /** What a handler needs to know of a row before changing it: its counter key, figures and version. */
    record RowState(CampaignStatus status, String office, Channel channel, Figures figures, long version) {

        TabCounters.Key key() {
            return new TabCounters.Key(office, channel, status);
        }
    }

    /** The columns that follow from a campaign's settings, in the order of {@link #settingsValues}. */
    private static final String SETTINGS_COLUMNS = "settings = ?, name = ?, office = ?, tags = ?, start_at = ?, "
            + "end_at = ?, contact_list_name = ?, operated_by = ?, name_lower = ?, contact_list_name_lower = ?, "
            + "tags_key = ?";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final CampaignRowMapper mapper;

    public CampaignIndexRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.mapper = new CampaignRowMapper(json);
    }

    /** Adds the campaign as a draft; false if it is already there (a redelivered Created). */
    boolean insert(String id, Channel channel, CampaignSettings settings, String clonedFrom, Instant at, long version) {
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM campaign_index WHERE id = ?", Integer.class, id);
        if (existing != null && existing > 0) {
            return false;
        }
        CampaignStatus status = CampaignStatus.DRAFT;
        Figures figures = Figures.NONE.withContactsTotal(contactsTotal(settings));
        List<Object> values = new ArrayList<>(List.of(id, channel.name(), status.name(), Shelf.of(status).key(),
                write(List.of())));
        values.addAll(Arrays.asList(time(at), time(at), clonedFrom, version, figures.contactsTotal(),
                figures.dialsRemaining(channel)));
        values.addAll(settingsValues(settings));
        jdbc.update("INSERT INTO campaign_index (id, channel, status, tab, phone_numbers, created_at, updated_at, "
                + "cloned_from, version, contacts_total, dials_remaining, settings, name, office, tags, start_at, "
                + "end_at, contact_list_name, operated_by, name_lower, contact_list_name_lower, tags_key) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values.toArray());
        return true;
    }

    /** The row as it is before an event of sequence {@code version}; empty if it has seen that event. */
    Optional<RowState> before(String id, long version) {
        return jdbc.query("SELECT status, office, channel, version, " + CampaignRowMapper.FIGURES
                        + " FROM campaign_index WHERE id = ? AND version < ?",
                (rs, n) -> new RowState(CampaignStatus.valueOf(rs.getString("status")), rs.getString("office"),
                        Channel.valueOf(rs.getString("channel")), CampaignRowMapper.figures(rs),
                        rs.getLong("version")), id, version).stream().findFirst();
    }

    /** Writes the settings and what follows from them, plus {@code more} assignments if any. */
    void updateSettings(String id, long version, Instant at, CampaignSettings settings, RowState before,
                        String more, Object... moreValues) {
        Figures figures = before.figures().withContactsTotal(contactsTotal(settings));
        List<Object> values = settingsValues(settings);
        values.add(figures.contactsTotal());
        values.add(figures.dialsRemaining(before.channel()));
        values.addAll(Arrays.asList(moreValues));
        String assignments = SETTINGS_COLUMNS + ", contacts_total = ?, dials_remaining = ?";
        update(id, version, at, more.isEmpty() ? assignments : assignments + ", " + more, values.toArray());
    }

    private List<Object> settingsValues(CampaignSettings s) {
        String listName = s.contactList() == null ? null : s.contactList().name();
        return new ArrayList<>(Arrays.asList(write(s), s.name(), s.office(), SortKeys.tags(s.tags()),
                time(s.startAt()), time(s.endAt()), SortKeys.cut(listName, SortKeys.TEXT),
                s.operatedBy() == null ? null : s.operatedBy().name(), SortKeys.lower(s.name()),
                SortKeys.lower(listName), SortKeys.cut(SortKeys.tags(s.tags()), SortKeys.TEXT)));
    }

    private static int contactsTotal(CampaignSettings settings) {
        return settings.contactList() == null ? 0 : Math.max(0, settings.contactList().size());
    }

    /** The assignments that store the row's phone numbers and the number it sorts by. */
    Object[] numbers(List<PhoneNumber> numbers) {
        return new Object[] {write(numbers), SortKeys.firstNumber(numbers)};
    }

    static final String NUMBERS = "phone_numbers = ?, first_phone_number = ?";

    /**
     * Sets the given columns (an SQL assignment list with placeholders) if the row has not yet seen
     * this event, and stamps it with the event's time and sequence number.
     */
    void update(String id, long version, Instant at, String assignments, Object... values) {
        List<Object> args = new ArrayList<>(Arrays.asList(values));
        args.add(time(at));
        args.add(version);
        args.add(id);
        args.add(version);
        jdbc.update("UPDATE campaign_index SET " + assignments + ", updated_at = ?, version = ? "
                + "WHERE id = ? AND version < ?", args.toArray());
    }

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

    JdbcTemplate jdbc() {
        return jdbc;
    }

    CampaignRowMapper mapper() {
        return mapper;
    }

    public Optional<CampaignRow> find(String id) {
        return jdbc.query("SELECT * FROM campaign_index WHERE id = ?", mapper, id).stream().findFirst();
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
}
