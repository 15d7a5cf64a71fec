package org.campaignengine.projections.tables;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.campaignengine.domain.privacy.PersonalData;

/** Conversions between event values and columns that every read model makes the same way. */
public final class Columns {

    private Columns() {
    }

    /**
     * The text cut to a column's width. The API does not bound every free-text field of an activity
     * record, and a value the column cannot take would stop the read model's processor for good; a
     * deterministic cut keeps a replay identical. A surrogate pair is never split.
     */
    public static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    /**
     * A contact's name or phone as a read model keeps it: a sealed value whole (the API bounds its plain
     * text, so it fits the column), a value stored before sealing cut to {@code max} as before.
     */
    public static String personal(String value, int max) {
        return PersonalData.sealed(value) ? value : clip(value, max);
    }

    /**
     * The instant as a UTC column value. Built from its epoch second rather than {@code atOffset}, which asks
     * the offset for its rules and gets a new {@code ZoneRules} on every call (JDK 17): several times per
     * activity record in every read model.
     */
    public static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.of(LocalDateTime.ofEpochSecond(instant.getEpochSecond(),
                instant.getNano(), ZoneOffset.UTC), ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A LIKE pattern (escape character: backslash) that finds {@code text} literally anywhere in a value. */
    public static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    public static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isAfter(a) ? a : b;
    }
}
