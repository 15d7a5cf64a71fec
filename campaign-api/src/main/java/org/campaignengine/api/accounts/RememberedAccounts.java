package org.campaignengine.api.accounts;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.campaignengine.api.accounts.AccountStore.Credentials;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The accounts this node read to authenticate requests, remembered so that a machine client's every request
 * does not read its account again, and only while the node is sure to hear of every change to an account
 * ({@link #trust}): on PostgreSQL while it listens for the database's change notices (several nodes share
 * the accounts), on embedded H2 always (one node, whose own writes tell it). A change forgets the account
 * at once; losing the notices forgets everything and remembers nothing until they are heard again.
 * <p>
 * A read that a change overtakes is not remembered: every change and every loss of trust moves a
 * generation on, and an account read under an older generation is answered but not kept, so an account
 * disabled while its row was being read is read again next time. Absent accounts are never remembered (a
 * guessed name costs its caller a query, not this node its memory). Entries also expire after
 * {@code ttl}, a backstop only.
 */
public final class RememberedAccounts {

    static final int MAX_ENTRIES = 10_000;

    private final Cache<String, Credentials> remembered;
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean trusted;

    public RememberedAccounts(Ticker ticker, Duration ttl, boolean trusted) {
        this.remembered = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(ttl).maximumSize(MAX_ENTRIES).build();
        this.trusted = trusted;
    }

    /** The remembered account, or what {@code read} finds, remembered when nothing changed meanwhile. */
    Optional<Credentials> credentials(String username, Supplier<Optional<Credentials>> read) {
        if (trusted) {
            Credentials known = remembered.getIfPresent(username);
            if (known != null) {
                return Optional.of(known);
            }
        }
        long before = generation.get();
        Optional<Credentials> found = read.get();
        if (found.isPresent() && trusted && generation.get() == before) {
            remembered.put(username, found.get());
            // a change counted after the check above may have forgotten the account before this put: it is
            // forgotten again (a change counted after this check forgets it itself, after the put)
            if (generation.get() != before) {
                remembered.invalidate(username);
            }
        }
        return found;
    }

    /** The account changed (here or on another node): it is read again next time. */
    public void changed(String username) {
        generation.incrementAndGet();
        remembered.invalidate(username);
    }

    /** Changes are heard from now on; anything remembered before may have missed one, so it is all forgotten. */
    public void trust() {
        generation.incrementAndGet();
        remembered.invalidateAll();
        trusted = true;
    }

    /** Changes may go unheard (the notices' connection broke): nothing is remembered or answered from memory. */
    public void distrust() {
        trusted = false;
        generation.incrementAndGet();
        remembered.invalidateAll();
    }

    boolean trusted() {
        return trusted;
    }
}
