package com.rollcall.apiclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.platform.security.ApiScope;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token cache against a clock the test moves by hand: no sleeping, no race with a short TTL. */
class TokenCacheTest {
    private static final ApiCaller CALLER = new ApiCaller(7, 42, "Entra", Set.of(ApiScope.SCIM), false);
    private static final Duration TTL = Duration.ofSeconds(5);

    /** Nanoseconds, starting far from zero (System.nanoTime may be negative; the cache must only compare differences). */
    private final AtomicLong now = new AtomicLong(Long.MAX_VALUE - TTL.toNanos() / 2);
    private final TokenCache cache = new TokenCache(TTL, now::get);

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void remembersAnAcceptedTokenUntilJustBeforeItsTtlIsOver() {
        cache.put("hash", CALLER);
        assertEquals(Optional.of(CALLER), cache.find("hash"));
        assertTrue(cache.find("other").isEmpty());
        advance(TTL.minusNanos(1));
        assertEquals(Optional.of(CALLER), cache.find("hash"), "one nanosecond before the TTL is over");
    }

    @Test
    void forgetsATokenTheMomentItsTtlIsOverEvenWhenTheClockWrapsAround() {
        cache.put("hash", CALLER);
        advance(TTL);
        assertTrue(cache.find("hash").isEmpty(), "at the TTL (the clock passed Long.MAX_VALUE on the way)");
        advance(Duration.ofHours(1));
        assertTrue(cache.find("hash").isEmpty());
        cache.put("hash", CALLER);
        assertEquals(Optional.of(CALLER), cache.find("hash"), "accepted again by the database: cached again");
    }

    @Test
    void aRevokedClientIsForgottenAtOnceAndNotCachedAgainForOneTtl() {
        cache.put("hash", CALLER);
        cache.forget(CALLER.clientId());
        assertTrue(cache.find("hash").isEmpty());
        cache.put("hash", CALLER);
        assertTrue(cache.find("hash").isEmpty(), "a lookup that read the row before the revocation committed");
        advance(TTL.minusNanos(1));
        cache.put("hash", CALLER);
        assertTrue(cache.find("hash").isEmpty(), "still within the TTL of the revocation");
        ApiCaller other = new ApiCaller(7, 43, "Okta", Set.of(ApiScope.SCIM), false);
        cache.put("other", other);
        assertEquals(Optional.of(other), cache.find("other"), "other clients are cached as usual");

        advance(Duration.ofNanos(1));
        cache.put("hash", CALLER);
        assertEquals(Optional.of(CALLER), cache.find("hash"),
                "a TTL after the revocation, a token the database accepts (a new client's) is cached again");
    }

    @Test
    void aZeroTtlTurnsTheCacheOff() {
        TokenCache off = new TokenCache(Duration.ZERO, now::get);
        off.put("hash", CALLER);
        assertTrue(off.find("hash").isEmpty());
    }
}
