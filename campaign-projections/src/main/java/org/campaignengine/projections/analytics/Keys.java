package org.campaignengine.projections.analytics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ids of contacts, messages and callers as the key columns hold them. The sending services choose
 * them and stored events keep whatever was accepted, so an id longer than the column is kept as its
 * SHA-256 digest: the processor never stalls on an over-long id, and distinct ids stay distinct.
 */
final class Keys {

    static final int MAX_LENGTH = 100;
    private static final String DIGEST_PREFIX = "sha256:";

    private Keys() {
    }

    static String of(String id) {
        if (id.length() <= MAX_LENGTH) {
            return id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return DIGEST_PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
