package org.campaignengine.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedPasswordMemoTest {

    /** Counts the slow checks the memo lets through. */
    static final class CountingEncoder implements PasswordEncoder {
        final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    }

    private final CountingEncoder slow = new CountingEncoder();
    private final AtomicLong nanos = new AtomicLong();
    private final VerifiedPasswordMemo memo = new VerifiedPasswordMemo(slow, nanos::get, Duration.ofMinutes(5));

    @Test
    void a_password_that_matched_is_not_hashed_again_while_remembered() {
        String hash = memo.encode("right password");
        assertThat(memo.matches("right password", hash)).isTrue();
        assertThat(memo.matches("right password", hash)).isTrue();
        assertThat(slow.checks).hasValue(1);
    }

    @Test
    void a_wrong_password_always_pays_the_full_check() {
        String hash = memo.encode("right password");
        memo.matches("right password", hash);
        assertThat(memo.matches("wrong password", hash)).isFalse();
        assertThat(memo.matches("wrong password", hash)).isFalse();
        assertThat(slow.checks).hasValue(3);
    }

    @Test
    void a_changed_hash_is_checked_afresh() {
        String before = memo.encode("right password");
        memo.matches("right password", before);
        String after = memo.encode("new password");
        assertThat(memo.matches("right password", after)).isFalse();
        assertThat(slow.checks).hasValue(2);
    }

    @Test
    void the_memory_expires() {
        String hash = memo.encode("right password");
        memo.matches("right password", hash);
        nanos.addAndGet(Duration.ofMinutes(4).toNanos());
        assertThat(memo.matches("right password", hash)).isTrue();
        assertThat(slow.checks).as("still remembered after four minutes").hasValue(1);
        nanos.addAndGet(Duration.ofMinutes(2).toNanos());
        assertThat(memo.matches("right password", hash)).isTrue();
        assertThat(slow.checks).as("checked again after six").hasValue(2);
    }
}
