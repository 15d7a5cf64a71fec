package org.campaignengine.projections.statusindex;

import java.util.List;
import java.util.Optional;

import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.PhoneNumber;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code campaign_index} table: rows read for the queries, and the values a row's settings and
 * numbers are stored as, with the sort keys ({@link SortKeys}) that follow from them. The projection
 * changes rows through {@link IndexWrites}, a batch at a time.
 */
public class CampaignIndexRepository {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final CampaignRowMapper mapper;

    public CampaignIndexRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.mapper = new CampaignRowMapper(json);
    }

    /** Writes the settings and what follows from them (sort keys, contact total, dials remaining). */
    void settings(BatchIndexRow row, CampaignSettings s) {
        String listName = s.contactList() == null ? null : s.contactList().name();
        row.set("settings", write(s)).set("name", s.name()).set("office", s.office())
                .set("tags", SortKeys.tags(s.tags())).set("start_at", s.startAt()).set("end_at", s.endAt())
                .set("contact_list_name", SortKeys.cut(listName, SortKeys.TEXT))
                .set("operated_by", s.operatedBy() == null ? null : s.operatedBy().name())
                .set("name_lower", SortKeys.lower(s.name())).set("contact_list_name_lower", SortKeys.lower(listName))
                .set("tags_key", SortKeys.cut(SortKeys.tags(s.tags()), SortKeys.TEXT));
        int contactsTotal = s.contactList() == null ? 0 : Math.max(0, s.contactList().size());
        row.figures(row.figures().withContactsTotal(contactsTotal));
    }

    /** Stores the row's phone numbers and the number it sorts by. */
    void numbers(BatchIndexRow row, List<PhoneNumber> numbers) {
        row.set("phone_numbers", write(numbers)).set("first_phone_number", SortKeys.firstNumber(numbers));
    }

    List<PhoneNumber> numbers(BatchIndexRow row) {
        try {
            return json.readValue((String) row.get("phone_numbers"), CampaignRowMapper.NUMBERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("campaign_index row " + row.id() + " holds unreadable numbers", e);
        }
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
        jdbc.execute("TRUNCATE TABLE campaign_index");
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

}
