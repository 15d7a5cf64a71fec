package org.campaignengine.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.campaignengine.api.accounts.AccountStore.Credentials;
import org.junit.jupiter.api.Test;

class RememberedAccountsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final RememberedAccounts remembered = new RememberedAccounts(nanos::get, Duration.ofMinutes(1), true);
    private final AtomicInteger reads = new AtomicInteger();

    private static Credentials maria(boolean enabled) {
        return new Credentials(new Account("maria", Set.of(Role.MANAGER), Set.of("lisbon"), enabled,
                Instant.parse("2026-12-01T09:00:00Z"), "admin", null), "{bcrypt}hash");
    }

    private Supplier<Optional<Credentials>> reading(Credentials found) {
        return () -> {
            reads.incrementAndGet();
            return Optional.ofNullable(found);
        };
    }

    @Test
    void an_account_read_once_is_answered_from_memory_while_changes_are_heard() {
        assertThat(remembered.credentials("maria", reading(maria(true)))).contains(maria(true));
        assertThat(remembered.credentials("maria", reading(maria(true)))).contains(maria(true));
        assertThat(reads).hasValue(1);
    }

    @Test
    void a_changed_account_is_read_again() {
        remembered.credentials("maria", reading(maria(true)));
        remembered.changed("maria");
        assertThat(remembered.credentials("maria", reading(maria(false)))).contains(maria(false));
        assertThat(reads).hasValue(2);
    }

    @Test
    void an_account_that_changes_while_it_is_read_is_answered_but_not_remembered() {
        Supplier<Optional<Credentials>> overtaken = () -> {
            reads.incrementAndGet();
            remembered.changed("maria"); // the notice of a change committed after the row was read
            return Optional.of(maria(true));
        };
        assertThat(remembered.credentials("maria", overtaken)).contains(maria(true));
        assertThat(remembered.credentials("maria", reading(maria(false)))).contains(maria(false));
        assertThat(reads).hasValue(2);
    }

    @Test
    void an_absent_account_is_never_remembered() {
        assertThat(remembered.credentials("nobody", reading(null))).isEmpty();
        assertThat(remembered.credentials("nobody", reading(null))).isEmpty();
        assertThat(reads).hasValue(2);
    }

    @Test
    void while_changes_may_go_unheard_every_look_up_reads_the_account_and_trust_again_starts_empty() {
        remembered.credentials("maria", reading(maria(true)));
        remembered.distrust();
        assertThat(remembered.trusted()).isFalse();
        remembered.credentials("maria", reading(maria(true)));
        remembered.credentials("maria", reading(maria(true)));
        assertThat(reads).as("nothing answered from memory, nothing remembered").hasValue(3);

        remembered.trust();
        assertThat(remembered.credentials("maria", reading(maria(false)))).contains(maria(false));
        assertThat(reads).as("what was remembered before is gone").hasValue(4);
    }

    @Test
    void a_memory_lasts_a_minute_at_most() {
        remembered.credentials("maria", reading(maria(true)));
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        remembered.credentials("maria", reading(maria(true)));
        assertThat(reads).hasValue(2);
    }

    @Test
    void a_store_made_without_a_memory_reads_every_time() {
        RememberedAccounts never = new RememberedAccounts(nanos::get, Duration.ZERO, false);
        never.credentials("maria", reading(maria(true)));
        never.credentials("maria", reading(maria(true)));
        assertThat(reads).hasValue(2);
    }
}
