package org.campaignengine.projections.scope;

import org.campaignengine.domain.privacy.PersonalData;
import org.springframework.jdbc.core.JdbcTemplate;

/** How a read model that keeps contacts' names and phones forgets one contact, in every campaign. */
public final class Erasure {

    private Erasure() {
    }

    /**
     * Marks the contact's name and phone erased in {@code table} (keyed by campaign and {@code contact_id},
     * with an index on {@code contact_id}); a value it never had stays null.
     */
    public static void erase(JdbcTemplate jdbc, String table, String contactId) {
        jdbc.update("UPDATE " + table + " SET name = CASE WHEN name IS NULL THEN NULL ELSE ? END, "
                + "phone = CASE WHEN phone IS NULL THEN NULL ELSE ? END WHERE contact_id = ?",
                PersonalData.ERASED, PersonalData.ERASED, contactId);
    }
}
