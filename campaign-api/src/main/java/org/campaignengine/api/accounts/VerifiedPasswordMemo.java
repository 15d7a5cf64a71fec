package org.campaignengine.api.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * bcrypt on every request would cost a busy service account tens of milliseconds of CPU per call
 * (HTTP Basic is stateless). This remembers, for a while, that a password matched a stored hash: the
 * memo key is the stored hash with an HMAC of the password under a key that lives only in this
 * process, so no password is kept and a changed hash never matches. Only successes are remembered:
 * a wrong password always pays the full bcrypt price. Disabled accounts are refused before any
 * password check, on every request, so the memo cannot keep them alive. Time is a {@link Ticker}
 * (monotonic), not the wall clock, so setting the clock back cannot stretch a memory.
 */
class VerifiedPasswordMemo implements PasswordEncoder {

    static final int MAX_ENTRIES = 10_000;

    private final PasswordEncoder delegate;
    /** One keyed HMAC a thread (a {@link Mac} is not thread-safe): making and keying one per request cost more than the memo's look-up. */
    private final ThreadLocal<Mac> macs;
    private final Cache<String, Boolean> verified;

    VerifiedPasswordMemo(PasswordEncoder delegate, Ticker ticker, Duration ttl) {
        this.delegate = delegate;
        this.verified = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(ttl).maximumSize(MAX_ENTRIES).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> keyed(key));
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String memoKey = encodedPassword + "|" + hmac(rawPassword);
        if (verified.getIfPresent(memoKey) != null) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            verified.put(memoKey, Boolean.TRUE);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    /** doFinal leaves the Mac reset, keyed for the next password. */
    private String hmac(CharSequence rawPassword) {
        return HexFormat.of().formatHex(macs.get().doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac keyed(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }
}
