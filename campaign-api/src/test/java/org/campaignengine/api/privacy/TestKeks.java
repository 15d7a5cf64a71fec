package org.campaignengine.api.privacy;

import java.security.SecureRandom;
import java.util.List;

/** Key-encryption keys made for one test run, as configured entries and as the engine reads them. */
final class TestKeks {

    static final String K1 = KeyEncryptionKeys.newEntry("k1", new SecureRandom());
    static final String K2 = KeyEncryptionKeys.newEntry("k2", new SecureRandom());
    static final KeyEncryptionKeys FIRST = of(K1);

    private TestKeks() {
    }

    static KeyEncryptionKeys of(String... entries) {
        return KeyEncryptionKeys.parse(List.of(entries), "test");
    }
}
