package org.campaignengine.projections;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.campaignengine.domain.privacy.PersonalData;

/**
 * Contact keys for read-model tests: values sealed in the engine's format (not encrypted: the engine's
 * cipher is tested where it lives), opened until their contact is forgotten; unsealed values read as
 * themselves, as data stored before sealing does.
 */
public final class FakeKeys implements PersonalData {

    private final Set<String> forgotten = ConcurrentHashMap.newKeySet();

    public String seal(String contactId, String text) {
        return SEALED_PREFIX + Base64.getEncoder().encodeToString((contactId + "\n" + text).getBytes(StandardCharsets.UTF_8));
    }

    public void forget(String contactId) {
        forgotten.add(contactId);
    }

    @Override
    public Opener opener(Collection<String> contactIds) {
        return (contact, stored) -> {
            if (!PersonalData.sealed(stored)) {
                return UNSEALED.opener(contactIds).open(contact, stored);
            }
            if (forgotten.contains(contact)) {
                return Revealed.GONE;
            }
            String opened = new String(Base64.getDecoder().decode(stored.substring(SEALED_PREFIX.length())),
                    StandardCharsets.UTF_8);
            if (!opened.startsWith(contact + "\n")) {
                throw new IllegalStateException("a value sealed for another contact: " + stored);
            }
            return new Revealed(opened.substring(contact.length() + 1), false);
        };
    }
}
