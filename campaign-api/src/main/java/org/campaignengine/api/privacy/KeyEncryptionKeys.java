package org.campaignengine.api.privacy;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that wrap the contacts' keys (AES key wrap, RFC 3394, the JDK's {@code AESWrap}), kept out of
 * the database so that a copy of it alone opens no sealed name or phone. Several may be known by id: the
 * first wraps, the others only unwrap keys wrapped before a rotation. Key wrap is deterministic and
 * checks its own integrity, so it needs no nonce and a wrong key-encryption key fails instead of
 * yielding a wrong contact key.
 */
public final class KeyEncryptionKeys {

    /** A contact's key as stored: wrapped, and the id of the key-encryption key that wrapped it. */
    public record Wrapped(String kekId, String secret) {
    }

    static final int KEY_BYTES = 32;
    private static final String WRAP = "AESWrap";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private final Map<String, SecretKey> keys;
    private final String primary;

    private KeyEncryptionKeys(Map<String, SecretKey> keys) {
        this.keys = keys;
        this.primary = keys.keySet().iterator().next();
    }

    /**
     * Keys given as {@code id=Base64 of 32 bytes}, the wrapping one first; blank entries and lines starting
     * with {@code #} are skipped. The message of a refusal never holds key material.
     */
    public static KeyEncryptionKeys parse(List<String> entries, String source) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : entries) {
            String line = entry.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            String id = equals < 0 ? "" : line.substring(0, equals).strip();
            if (!ID.matcher(id).matches()) {
                throw new IllegalStateException(source + ": each key-encryption key is written id=Base64, the id "
                        + "1 to 32 of A-Z a-z 0-9 . _ -");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(line.substring(equals + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(source + ": the key-encryption key '" + id + "' is not Base64");
            }
            if (key.length != KEY_BYTES) {
                throw new IllegalStateException(source + ": the key-encryption key '" + id + "' has " + key.length
                        + " bytes, not " + KEY_BYTES);
            }
            if (keys.putIfAbsent(id, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalStateException(source + ": the key-encryption key '" + id + "' is given twice");
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException(source + ": no key-encryption key");
        }
        return new KeyEncryptionKeys(keys);
    }

    /** A fresh key as an entry {@link #parse} reads: {@code id=Base64}. */
    public static String newEntry(String id, SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return id + "=" + Base64.getEncoder().encodeToString(key);
    }

    /** The id of the key that wraps new contact keys and re-wraps older ones. */
    public String primaryId() {
        return primary;
    }

    public Set<String> ids() {
        return keys.keySet();
    }

    public boolean knows(String kekId) {
        return keys.containsKey(kekId);
    }

    /** The contact key wrapped under the primary key-encryption key. */
    public Wrapped wrap(SecretKey contactKey) {
        try {
            Cipher cipher = Cipher.getInstance(WRAP);
            cipher.init(Cipher.WRAP_MODE, keys.get(primary));
            return new Wrapped(primary, Base64.getEncoder().encodeToString(cipher.wrap(contactKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES key wrap is part of every Java runtime", e);
        }
    }

    /**
     * The contact key a stored secret holds. A key-encryption key that is unknown here, or is not the one
     * that wrapped the secret, is a configuration error, not an erased contact: it fails loudly.
     */
    public SecretKey unwrap(String kekId, String secret) {
        SecretKey kek = keys.get(kekId);
        if (kek == null) {
            throw new IllegalStateException("A contact key is wrapped under the key-encryption key '" + kekId
                    + "', which is not configured here (known: " + keys.keySet() + ")");
        }
        try {
            Cipher cipher = Cipher.getInstance(WRAP);
            cipher.init(Cipher.UNWRAP_MODE, kek);
            return (SecretKey) cipher.unwrap(Base64.getDecoder().decode(secret), "AES", Cipher.SECRET_KEY);
        } catch (InvalidKeyException | IllegalArgumentException e) {
            throw new IllegalStateException("A contact key does not unwrap under the key-encryption key '" + kekId
                    + "': the key configured under that id is not the one that wrapped it", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES key wrap is part of every Java runtime", e);
        }
    }
}
