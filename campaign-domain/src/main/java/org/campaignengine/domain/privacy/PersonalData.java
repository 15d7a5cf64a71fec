package org.campaignengine.domain.privacy;

import java.util.Collection;

/**
 * Contact names and phone numbers (issue 10, erasure): the engine stores them sealed under a key of their
 * contact's own, wherever they are kept (events, read models, exports are opened on the way out), so
 * destroying the key erases them everywhere at once while every count and figure stays as it was. A
 * sealed value reads {@code pii:v1:...}; a value erased from a read model reads {@link #ERASED}.
 */
public interface PersonalData {

    String SEALED_PREFIX = "pii:v1:";
    String ERASED = "pii:erased";

    /** A stored value opened: its plain text (null when there is none), or erased with its contact's key. */
    record Revealed(String text, boolean erased) {

        public static final Revealed NONE = new Revealed(null, false);
        public static final Revealed GONE = new Revealed(null, true);
    }

    /** Opens stored values of the contacts it was made for. */
    @FunctionalInterface
    interface Opener {
        Revealed open(String contactId, String stored);
    }

    /** An opener for these contacts: one look-up of their keys for a page, a batch or an export's batch. */
    Opener opener(Collection<String> contactIds);

    static boolean sealed(String value) {
        return value != null && value.startsWith(SEALED_PREFIX);
    }

    /**
     * For values that were never sealed (tests of read models, data stored before sealing): each is its own
     * plain text; only the erased marker reads as erased.
     */
    PersonalData UNSEALED = contactIds -> (contact, stored) -> stored == null ? Revealed.NONE
            : ERASED.equals(stored) || sealed(stored) ? Revealed.GONE : new Revealed(stored, false);
}
