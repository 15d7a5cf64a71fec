package org.campaignengine.api.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.campaignengine.domain.privacy.PersonalData;

/**
 * A value sealed under its contact's key with AES-GCM: a fresh 96-bit nonce each, the contact id bound in
 * as associated data (a value cannot be moved to another contact), stored as
 * {@code pii:v1:<Base64 of nonce and ciphertext>}.
 */
final class SealedValues {

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private SealedValues() {
    }

    static String seal(SecretKey key, String contactId, String text, SecureRandom random) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(contactId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return PersonalData.SEALED_PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** The plain text, or empty when the value does not open under this key (altered, or another contact's). */
    static Optional<String> open(SecretKey key, String contactId, String stored) {
        try {
            byte[] raw = Base64.getDecoder().decode(stored.substring(PersonalData.SEALED_PREFIX.length()));
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            cipher.updateAAD(contactId.getBytes(StandardCharsets.UTF_8));
            return Optional.of(new String(cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES),
                    StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
