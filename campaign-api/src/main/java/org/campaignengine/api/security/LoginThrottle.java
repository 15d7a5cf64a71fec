package org.campaignengine.api.security;

import java.time.Clock;
import java.time.Duration;

import org.campaignengine.api.security.LoginFailureStore.Failures;
import org.campaignengine.api.security.LoginFailureStore.Key;
import org.campaignengine.api.web.input.InputBounds;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Slows down password guessing without letting anyone lock an account. Failures are counted per
 * username <em>and client address</em>: keyed by username alone, anyone who knew a service account's
 * name could keep it answered 429 for minutes. After {@link #FREE_FAILURES} a key must wait, doubling
 * from one second up to {@link #MAX_WAIT}; a right password from the same address clears it.
 * <p>
 * While a key waits, its requests are refused before the password is looked at, even a right one.
 * Checking it would make the waiting key an oracle answering "right" or "wrong" at full speed, which
 * is what the wait exists to deny; the owner, calling from their own address, is never delayed by a
 * stranger's failures. There is deliberately no per-username counter: it could not slow strangers
 * without also refusing the owner from a new address. Guesses spread over many addresses each get
 * five free tries and then wait, against passwords of at least twelve characters and a bcrypt per try.
 * The address is the request's remote address; behind a load balancer it is the caller's only when
 * forwarded headers are trusted (docs/operations.md, Abuse limits), else every caller shares the balancer's.
 * <p>
 * Counts live in the database ({@link LoginFailureStore}), so every node applies them. A node keeps
 * each key's count for {@link #LOCAL_FRESHNESS} to spare the database a read per request; a block set
 * by another node is seen within that time, its own failures at once.
 */
class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration MAX_WAIT = Duration.ofMinutes(5);
    static final Duration LOCAL_FRESHNESS = Duration.ofSeconds(1);
    /** The widest username an account may have; no longer one can be guessed, so none is counted. */
    private static final int MAX_USERNAME = 100;
    /** The width of the client column; a longer address (none is) would be cut, never left uncounted. */
    private static final int MAX_CLIENT = 100;
    private static final int LOCAL_KEYS = 50_000;

    private final LoginFailureStore store;
    private final Clock clock;
    private final Cache<Key, Failures> recent;

    LoginThrottle(LoginFailureStore store, Clock clock, Ticker ticker) {
        this.store = store;
        this.clock = clock;
        this.recent = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(LOCAL_FRESHNESS)
                .maximumSize(LOCAL_KEYS).build();
    }

    /** How long this username must wait before its password is checked again from this client; zero if it need not. */
    Duration wait(String username, String client) {
        if (!countable(username, client)) {
            return Duration.ZERO;
        }
        Failures failures = recent.get(key(username, client), store::find);
        if (failures.blockedUntil() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), failures.blockedUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    void failed(String username, String client) {
        if (countable(username, client)) {
            Key key = key(username, client);
            recent.put(key, store.recordFailure(key, clock.instant(), LoginThrottle::waitAfter));
        }
    }

    void succeeded(String username, String client) {
        if (countable(username, client)) {
            Key key = key(username, client);
            Failures known = recent.getIfPresent(key);
            if (known == null || known.count() > 0) {
                store.forget(key);
                recent.put(key, Failures.NONE);
            }
        }
    }

    /** Forgets keys whose last failure is older than {@code age}, on every node's behalf; answers how many. */
    int purgeOlderThan(Duration age) {
        return store.purgeFailedBefore(clock.instant().minus(age));
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent failure) {
        if (failure.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt) {
            failed(attempt.getName(), client(attempt));
        }
    }

    /** A right password clears its key's failures; told by {@link LoginOutcomes} on every successful sign-in. */
    void succeeded(Authentication authentication) {
        if (authentication instanceof UsernamePasswordAuthenticationToken signedIn) {
            succeeded(signedIn.getName(), client(signedIn));
        }
    }

    static Duration waitAfter(int failures) {
        if (failures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        Duration wait = Duration.ofSeconds(1L << Math.min(failures - FREE_FAILURES, 20));
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    private static String client(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    /** A username no account can have (too long, or with a character no store keeps) is not counted. */
    private static boolean countable(String username, String client) {
        return username != null && client != null && username.length() <= MAX_USERNAME
                && InputBounds.textProblem(username, false) == null;
    }

    private static Key key(String username, String client) {
        return new Key(username, client.length() > MAX_CLIENT ? client.substring(0, MAX_CLIENT) : client);
    }
}
